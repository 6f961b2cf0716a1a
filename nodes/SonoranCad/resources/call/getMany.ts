import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IPairedItemData,
} from 'n8n-workflow';

import { failureToError } from '../../../shared/answers';
import { listCalls, type CallKind, type CallQuery } from '../../../shared/callListing';
import { openConnection } from '../../../shared/connection';
import { optionsCollection, readRequestPolicy } from '../../../shared/requestPolicy';
import type { SonoranOperation } from '../../shared/operation';
import { errorItemOrThrow } from '../../shared/results';
import { readServerId, serverIdProperty } from '../../shared/server';
import { parameterReader, wholeNumber } from '../../shared/validate';

const KINDS: CallKind[] = ['active', 'emergency', 'closed'];

function readQuery(ctx: IExecuteFunctions, itemIndex: number): CallQuery {
	const chosen = ctx.getNodeParameter('callKinds', itemIndex, []) as string[];
	const kinds = KINDS.filter((kind) => chosen.includes(kind));
	const closedLimit = kinds.includes('closed')
		? parameterReader(ctx, itemIndex)(
				'closedLimit',
				'Closed Calls Limit',
				wholeNumber,
				'Set "Closed Calls Limit" to how many of the latest closed calls to return.',
			)
		: 0;
	return { serverId: readServerId(ctx, itemIndex), kinds, closedLimit };
}

/**
 * Lists calls: one request per distinct query in the execution (Sonoran allows 5 listings a
 * minute), one output item per call, paired to every input item that asked for that listing.
 */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	const listings = new Map<string, { query: CallQuery; itemIndexes: number[] }>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const query = readQuery(this, itemIndex);
			if (query.kinds.length === 0) continue;
			const key = JSON.stringify(query);
			const listing = listings.get(key) ?? { query, itemIndexes: [] };
			listing.itemIndexes.push(itemIndex);
			listings.set(key, listing);
		} catch (error) {
			output.push(errorItemOrThrow(this, error, itemIndex));
		}
	}
	if (listings.size === 0) return output;

	const connection = await openConnection(this, readRequestPolicy(this));
	for (const { query, itemIndexes } of listings.values()) {
		const calls = await listCalls(this, connection, query);
		if (!Array.isArray(calls)) {
			for (const itemIndex of itemIndexes) {
				output.push(
					errorItemOrThrow(this, failureToError(this.getNode(), calls, itemIndex), itemIndex),
				);
			}
			continue;
		}
		const pairedItem: IPairedItemData[] = itemIndexes.map((item) => ({ item }));
		for (const call of calls) {
			output.push({
				json: call as IDataObject,
				pairedItem: pairedItem.length === 1 ? pairedItem[0] : pairedItem,
			});
		}
	}
	return output;
}

export const getMany: SonoranOperation = {
	option: {
		name: 'Get Calls',
		value: 'getMany',
		action: 'Get calls',
		description:
			"List the CAD's active dispatch calls, 911 calls and latest closed calls on a server, one output item per call with its kind and call ID (plan PLUS or higher assumed)",
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Calls',
			name: 'callKinds',
			type: 'multiOptions',
			options: [
				{ name: 'Active Dispatch Calls', value: 'active' },
				{ name: '911 Calls', value: 'emergency' },
				{ name: 'Closed Dispatch Calls', value: 'closed' },
			],
			default: ['active', 'emergency'],
			description:
				'Which calls to return; each output item says its kind: active, emergency or closed',
		},
		{
			displayName: 'Closed Calls Limit',
			name: 'closedLimit',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			displayOptions: { show: { callKinds: ['closed'] } },
			description: 'Max number of the latest closed calls to return',
		},
		optionsCollection(),
	],
	execute,
};
