import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBoundedOption } from './requestOptions';

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

/** Batch Size, checked: a value that is not a whole number from 1 to 100 stops the run. */
export function readBatchSize(ctx: IExecuteFunctions): number {
	const option = batchSizeOption('');
	const requested = ctx.getNodeParameter('options.batchSize', 0, MAX_BATCH_SIZE);
	return readBoundedOption(ctx, option, requested);
}

/** Share Requests Across Executions: on by default (see kinds/sharing.ts). */
export const shareRequestsOption: INodeProperties = {
	displayName: 'Share Requests Across Executions',
	name: 'shareRequests',
	type: 'boolean',
	default: true,
	description:
		"Whether this node's items may go in one request with those of other executions (of any workflow in this n8n process using the same credential) while they all wait for Sonoran's rate limit. Each execution still gets only its own results; a lone item is never held back. Turn off for a workflow that must own its requests.",
};

/** How an execution's items are batched: Batch Size and Share Requests Across Executions. */
export interface Batching {
	batchSize: number;
	share: boolean;
}

export function readBatching(ctx: IExecuteFunctions): Batching {
	const share = ctx.getNodeParameter('options.shareRequests', 0, true);
	if (typeof share !== 'boolean') {
		throw new NodeOperationError(
			ctx.getNode(),
			`The option "${shareRequestsOption.displayName}" must be true or false`,
			{
				description: 'Turn the option on or off, or give an expression that yields true or false.',
			},
		);
	}
	return { batchSize: readBatchSize(ctx), share };
}
