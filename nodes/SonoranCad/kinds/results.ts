import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { failureToError, type SonoranFailure } from '../../client/answers';

/**
 * The outcome of each input item of an operation that makes one output item per input item:
 * slots filled in any order, returned in input order, each paired to its input.
 */
export class ItemResults {
	private readonly slots: Array<INodeExecutionData | undefined>;

	private succeeded = 0;

	/** @param doneNote says what the items that already succeeded did, when the node stops. */
	constructor(
		private readonly ctx: IExecuteFunctions,
		itemCount: number,
		private readonly doneNote = (succeeded: number) =>
			`${succeeded} earlier item(s) of this run were already applied in Sonoran CAD.`,
	) {
		this.slots = new Array<INodeExecutionData | undefined>(itemCount);
	}

	succeed(itemIndex: number, json: IDataObject): void {
		this.slots[itemIndex] = { json, pairedItem: { item: itemIndex } };
		this.succeeded++;
	}

	get successCount(): number {
		return this.succeeded;
	}

	/** Records an error item, or throws when the node stops on errors (see errorItemOrThrow). */
	fail(itemIndex: number, error: unknown): void {
		this.slots[itemIndex] = errorItemOrThrow(this.ctx, error, itemIndex);
	}

	/** Fails an item for what Sonoran answered. */
	failWith(itemIndex: number, failure: SonoranFailure): void {
		const stopping = !this.ctx.continueOnFail() && this.succeeded > 0;
		const shown = stopping
			? { ...failure, description: `${failure.description} ${this.doneNote(this.succeeded)}` }
			: failure;
		this.fail(itemIndex, failureToError(this.ctx.getNode(), shown, itemIndex));
	}

	/** All slots, in input order. An unfilled slot is a bug in the operation, not a lost item. */
	toArray(): INodeExecutionData[] {
		return this.slots.map((slot, itemIndex) => {
			if (slot === undefined) throw new RangeError(`Item ${itemIndex} has no result`);
			return slot;
		});
	}
}

/**
 * The error item for a failed input item when the node continues on fail (either error mode);
 * otherwise throws, which stops the node as n8n users expect. n8n itself reduces an error item's
 * json to `{ error: message }` and keeps the error (with its description) beside it.
 */
export function errorItemOrThrow(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if (!ctx.continueOnFail()) throw nodeError;
	return { json: { error: nodeError.message }, error: nodeError, pairedItem: { item: itemIndex } };
}

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size) {
		chunks.push(list.slice(start, start + size));
	}
	return chunks;
}
