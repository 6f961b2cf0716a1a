import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

/**
 * One output slot per input item, filled in any order and returned in input order, so that
 * every input item ends as exactly one output item paired to it.
 */
export class ItemResults {
	private readonly slots: Array<INodeExecutionData | undefined>;

	constructor(
		private readonly ctx: IExecuteFunctions,
		itemCount: number,
	) {
		this.slots = new Array<INodeExecutionData | undefined>(itemCount);
	}

	succeed(itemIndex: number, json: IDataObject): void {
		this.slots[itemIndex] = { json, pairedItem: { item: itemIndex } };
	}

	/**
	 * Records an error item when the node continues on fail (either error mode); otherwise
	 * throws, which stops the node as n8n users expect. n8n itself reduces an error item's json
	 * to `{ error: message }` and keeps the error (with its description) beside it.
	 */
	fail(itemIndex: number, error: NodeApiError | NodeOperationError): void {
		if (!this.ctx.continueOnFail()) throw error;
		this.slots[itemIndex] = {
			json: { error: error.message },
			error,
			pairedItem: { item: itemIndex },
		};
	}

	/** All slots, in input order. An unfilled slot is a bug in the operation, not a lost item. */
	toArray(): INodeExecutionData[] {
		return this.slots.map((slot, itemIndex) => {
			if (slot === undefined) throw new RangeError(`Item ${itemIndex} has no result`);
			return slot;
		});
	}
}

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < list.length; start += size)
		chunks.push(list.slice(start, start + size));
	return chunks;
}
