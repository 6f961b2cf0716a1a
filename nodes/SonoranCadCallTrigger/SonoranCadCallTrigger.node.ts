import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { failureToError } from '../client/answers';
import { listCalls, type CallKind, type ListedCall } from '../client/callListing';
import { CREDENTIAL_NAME, openConnection } from '../client/connection';
import { GET_CALLS_V2 } from '../client/endpoints';
import { DEFAULT_POLICY } from '../client/requestPolicy';
import { searchServers, serverIdProperty } from '../editor/serverId';
import { asWholeNumber } from '../client/wholeNumber';
import { diffCalls, type CallEvent, type SeenCalls } from './callChanges';
import { pollsPerMinute } from './pollRate';

/** Closed calls read per poll to describe calls that closed since the last one. */
const CLOSED_CALLS_READ = 10;

/** What the trigger keeps in the workflow's static data between polls. */
interface TriggerState extends IDataObject {
	serverId?: number;
	seen?: SeenCalls & IDataObject;
}

const EVENT_OPTIONS: Array<{ name: string; value: CallEvent; description: string }> = [
	{
		name: 'Call Closed or Removed',
		value: 'callClosed',
		description: 'A dispatch call closed, or a 911 call was removed or taken over',
	},
	{
		name: 'Dispatch Call Changed',
		value: 'dispatchCallChanged',
		description: 'A field of an open dispatch call changed (status, units, notes...)',
	},
	{ name: 'New 911 Call', value: 'new911Call', description: 'A 911 call appeared' },
	{ name: 'New Dispatch Call', value: 'newDispatchCall', description: 'A dispatch call opened' },
];

export class SonoranCadCallTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sonoran CAD Call Trigger',
		name: 'sonoranCadCallTrigger',
		icon: {
			light: 'file:../SonoranCad/sonorancad.svg',
			dark: 'file:../SonoranCad/sonorancad.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ($parameter["events"] || []).map(e => (${JSON.stringify(
			Object.fromEntries(EVENT_OPTIONS.map((option) => [option.value, option.name])),
		)})[e] || e).join(", ") }}`,
		description:
			"Starts the workflow when a 911 or dispatch call appears, changes or closes in Sonoran CAD, by reading the CAD's calls on a schedule (no game server needed)",
		defaults: { name: 'Sonoran CAD Call Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		properties: [
			{
				displayName:
					'Sonoran allows 5 call listings a minute per API key, shared with every other workflow that uses the key. n8n polls at most once a minute per Poll Time: every minute is a good choice, and up to 5 Poll Times (custom cron such as 0 * * * * * and 30 * * * * *) poll more often.',
				name: 'limitNotice',
				type: 'notice',
				default: '',
			},
			{
				...serverIdProperty,
				description: `${serverIdProperty.description}, whose calls to watch`,
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: ['new911Call'],
				required: true,
				description: 'The changes that start the workflow, one execution item per change',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Emit Open Calls on First Poll',
						name: 'emitOnFirstPoll',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll after the workflow is published starts it for the calls already open; by default the first poll only notes them',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchServers } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const serverId = asWholeNumber(this.getNodeParameter('serverId', 1, { extractValue: true }));
		if (serverId === undefined) {
			throw new NodeOperationError(this.getNode(), '"Server ID" must be a whole number', {
				description:
					"Pick the server from the list, or type the number of the community's server in Sonoran CAD (most communities have one server, number 1).",
			});
		}
		const events = this.getNodeParameter('events', []) as CallEvent[];
		const emitOnFirstPoll = this.getNodeParameter('options.emitOnFirstPoll', false) as boolean;
		refuseFastPolling(this);

		const kinds: CallKind[] = [
			'active',
			'emergency',
			...(events.includes('callClosed') ? ['closed' as const] : []),
		];
		const connection = await openConnection(this, DEFAULT_POLICY);
		const calls = await listCalls(this, connection, {
			serverId,
			kinds,
			closedLimit: CLOSED_CALLS_READ,
		});
		if (!Array.isArray(calls)) throw failureToError(this.getNode(), calls, 0);
		const open = calls.filter((call) => call.kind !== 'closed');
		const closed = calls.filter((call) => call.kind === 'closed');

		if (this.getMode() === 'manual') return itemsOf(sampleOf(events, open, closed));

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const firstPoll = !state.seen || state.serverId !== serverId;
		const { changes, next } = diffCalls(
			firstPoll ? {} : (state.seen as SeenCalls),
			open,
			closed,
			serverId,
		);
		state.seen = next as TriggerState['seen'];
		state.serverId = serverId;
		if (firstPoll && !emitOnFirstPoll) return null;
		return itemsOf(
			changes.filter((change) => events.includes(change.event)).map((change) => change.json),
		);
	}
}

/** A manual test run shows the calls of the chosen kinds as they are now, to map their fields. */
function sampleOf(events: CallEvent[], open: ListedCall[], closed: ListedCall[]): IDataObject[] {
	const sample: IDataObject[] = [];
	for (const call of open) {
		const event: CallEvent = call.kind === 'emergency' ? 'new911Call' : 'newDispatchCall';
		if (
			events.includes(event) ||
			(call.kind === 'active' && events.includes('dispatchCallChanged'))
		) {
			sample.push({ event, ...call });
		}
	}
	if (events.includes('callClosed'))
		sample.push(...closed.map((call) => ({ event: 'callClosed', ...call })));
	return sample;
}

function itemsOf(list: IDataObject[]): INodeExecutionData[][] | null {
	return list.length ? [list.map((json) => ({ json }))] : null;
}

/** Poll Times that would poll more often than Sonoran allows Get Calls are refused. */
function refuseFastPolling(ctx: IPollFunctions) {
	const perMinute = pollsPerMinute(ctx.getNodeParameter('pollTimes', {}) as IDataObject);
	const limit = GET_CALLS_V2.perMinute ?? 0;
	if (perMinute <= limit) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`The Poll Times would read the calls ${perMinute} times a minute; Sonoran allows ${limit}`,
		{
			description: `Sonoran CAD allows ${limit} call listings a minute per API key. Keep at most ${limit} Poll Times that poll every minute; for example "Every Minute", or custom crons 0 * * * * * and 30 * * * * * for twice a minute.`,
		},
	);
}
