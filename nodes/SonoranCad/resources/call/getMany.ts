import type { IExecuteFunctions } from 'n8n-workflow';

import { listCalls, type CallKind, type CallQuery } from '../../../client/callListing';
import { optionsCollection } from '../../parameters/requestOptions';
import { listingOperation } from '../../kinds/listing';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { choicesIn, parameterReader, upTo, wholeNumber } from '../../parameters/validate';

const KINDS: CallKind[] = ['active', 'emergency', 'closed'];

/** Sonoran's Get Calls page caps closedLimit at 100. */
const MAX_CLOSED = 100;

function readQuery(ctx: IExecuteFunctions, itemIndex: number): CallQuery {
	const read = parameterReader(ctx, itemIndex);
	const chosen = read(
		'callKinds',
		'Call Kinds',
		choicesIn(KINDS),
		'Pick kinds of call from the list.',
	);
	const kinds = KINDS.filter((kind) => chosen.includes(kind));
	const closed = kinds.includes('closed');
	const closedLimit = closed
		? read(
				'closedLimit',
				'Closed Calls Limit',
				upTo(MAX_CLOSED),
				`Set "Closed Calls Limit" to how many of the latest closed calls to return, 1 to ${MAX_CLOSED}.`,
			)
		: 0;
	const closedOffset = closed
		? read(
				'closedOffset',
				'Closed Calls Offset',
				wholeNumber,
				'Set "Closed Calls Offset" to how many of the latest closed calls to skip.',
			)
		: 0;
	return { serverId: readServerId(ctx, itemIndex), kinds, closedLimit, closedOffset };
}

/**
 * Lists calls: one request per distinct query in the execution (Sonoran allows 5 listings a
 * minute), one output item per call.
 */
export const getMany = listingOperation<CallQuery>({
	option: {
		name: 'Get Calls',
		value: 'getMany',
		action: "List a server's active, 911 and closed calls",
		description:
			"List the CAD's active dispatch calls, 911 calls and latest closed calls on a server, one output item per call with its kind and call ID (plan PLUS or higher assumed)",
	},
	simplified: [
		'kind',
		'callId',
		'serverId',
		'title',
		'code',
		'description',
		'address',
		'postal',
		'location',
		'callerName',
		'status',
		'priority',
		'idents',
	],
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
			typeOptions: { minValue: 1, maxValue: MAX_CLOSED, numberPrecision: 0 },
			displayOptions: { show: { callKinds: ['closed'] } },
			description: 'Max number of the latest closed calls to return (Sonoran returns at most 100)',
		},
		{
			displayName: 'Closed Calls Offset',
			name: 'closedOffset',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			displayOptions: { show: { callKinds: ['closed'] } },
			description:
				'How many of the latest closed calls to skip, to read further back: 100 with a limit of 100 gives the 101st to 200th',
		},
		optionsCollection(),
	],
	read: (ctx, itemIndex) => {
		const query = readQuery(ctx, itemIndex);
		return query.kinds.length ? query : undefined;
	},
	fetch: async (ctx, connection, query) => await listCalls(ctx, connection, query),
});
