import type { IExecuteFunctions } from 'n8n-workflow';

import { listCalls, type CallKind, type CallQuery } from '../../../shared/callListing';
import { optionsCollection } from '../../../shared/requestPolicy';
import { listingOperation } from '../../shared/listing';
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
 * minute), one output item per call.
 */
export const getMany = listingOperation<CallQuery>({
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
	read: (ctx, itemIndex) => {
		const query = readQuery(ctx, itemIndex);
		return query.kinds.length ? query : undefined;
	},
	fetch: async (ctx, connection, query) => await listCalls(ctx, connection, query),
});
