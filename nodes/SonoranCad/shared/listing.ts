import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';

import { failureToError, type SonoranFailure } from '../../shared/answers';
import { openConnection, type SonoranConnection } from '../../shared/connection';
import { readRequestPolicy } from '../../shared/requestPolicy';
import type { SonoranOperation } from './operation';
import { errorItemOrThrow } from './results';

/** An operation that lists things: each input item asks a query, each thing found is an item. */
export interface ListingSpec<Query> {
	option: SonoranOperation['option'];
	properties: SonoranOperation['properties'];
	/** The item's query, or a thrown readable error; undefined when it asks for nothing. */
	read: (ctx: IExecuteFunctions, itemIndex: number) => Query | undefined;
	fetch: (
		ctx: IExecuteFunctions,
		connection: SonoranConnection,
		query: Query,
	) => Promise<IDataObject[] | SonoranFailure>;
}

/**
 * One request (or series of pages) per distinct query in the execution, one output item per
 * thing found, paired to every input item that asked that query. A query that fails makes one
 * error item per input item that asked it.
 */
export function listingOperation<Query>(spec: ListingSpec<Query>): SonoranOperation {
	return {
		option: spec.option,
		properties: spec.properties,
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			const output: INodeExecutionData[] = [];
			const queries = new Map<string, { query: Query; itemIndexes: number[] }>();
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				try {
					const query = spec.read(this, itemIndex);
					if (query === undefined) continue;
					const key = JSON.stringify(query);
					const asked = queries.get(key) ?? { query, itemIndexes: [] };
					asked.itemIndexes.push(itemIndex);
					queries.set(key, asked);
				} catch (error) {
					output.push(errorItemOrThrow(this, error, itemIndex));
				}
			}
			if (queries.size === 0) return output;

			const connection = await openConnection(this, readRequestPolicy(this));
			for (const { query, itemIndexes } of queries.values()) {
				const found = await spec.fetch(this, connection, query);
				if (!Array.isArray(found)) {
					for (const itemIndex of itemIndexes) {
						const error = failureToError(this.getNode(), found, itemIndex);
						output.push(errorItemOrThrow(this, error, itemIndex));
					}
					continue;
				}
				const paired: IPairedItemData[] = itemIndexes.map((item) => ({ item }));
				for (const json of found) {
					output.push({ json, pairedItem: paired.length === 1 ? paired[0] : paired });
				}
			}
			return output;
		},
	};
}
