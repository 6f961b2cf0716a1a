import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Sonoran documents no maximum for its lists; 100 is the largest page it allows anywhere. */
export const MAX_BATCH_SIZE = 100;

/** The Batch Size option of an operation that sends many items per request. */
export function batchSizeOption(description: string): INodeProperties {
	return {
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		default: MAX_BATCH_SIZE,
		typeOptions: { minValue: 1, maxValue: MAX_BATCH_SIZE, numberPrecision: 0 },
		description,
	};
}

export function readBatchSize(ctx: IExecuteFunctions): number {
	const requested = ctx.getNodeParameter('options.batchSize', 0, MAX_BATCH_SIZE) as number;
	return Math.min(Math.max(1, Math.floor(requested)), MAX_BATCH_SIZE);
}
