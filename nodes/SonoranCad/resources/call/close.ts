import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isObject, judge, leftOut, type SonoranFailure } from '../../../client/answers';
import { listCalls } from '../../../client/callListing';
import { openConnection, type SonoranConnection } from '../../../client/connection';
import { CLOSE_CALLS_V2 } from '../../../client/endpoints';
import { optionsCollection, readRequestPolicy } from '../../parameters/requestOptions';
import { requestV2 } from '../../../client/transport';
import { batchSizeOption, readBatching, shareRequestsOption } from '../../parameters/batchSize';
import { deliverShared } from '../../kinds/sharing';
import type { SonoranOperation } from '../../kinds/operation';
import { ItemResults } from '../../kinds/results';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { callIdProperty, readCallId } from './fields';

const CLOSED_EARLIER =
	"An earlier attempt got no clear answer (a server error, a timeout or a lost connection); sent again, Sonoran did not close this call, and the server's closed calls show it closed: the earlier attempt closed it.";

/** How many of the latest closed calls a look reads (Sonoran's most). */
const CLOSED_LOOK_LIMIT = 100;

/** The IDs among the server's latest closed calls, or why they could not be read. */
async function closedAmong(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	serverId: number,
): Promise<Set<number> | SonoranFailure> {
	const listed = await listCalls(ctx, connection, {
		serverId,
		kinds: ['closed'],
		closedLimit: CLOSED_LOOK_LIMIT,
	});
	return Array.isArray(listed) ? new Set(listed.map((call) => call.callId)) : listed;
}

function notClosedFailure(
	call: CallToClose,
	afterUnclear: boolean,
	seenClosed: Set<number> | SonoranFailure,
): SonoranFailure {
	if (!afterUnclear) {
		return leftOut(
			`Sonoran CAD did not close call ${call.callId}`,
			`It is not an open dispatch call on server ${call.serverId} (already closed, a 911 call, or another server's).`,
		);
	}
	const looked =
		seenClosed instanceof Set
			? `it is not among the server's latest ${CLOSED_LOOK_LIMIT} closed calls either`
			: `looking at the server's closed calls failed too: ${seenClosed.message}`;
	return leftOut(
		`Sonoran CAD did not close call ${call.callId} when asked again; an earlier attempt may have closed it`,
		`An earlier attempt got no clear answer (a timeout, a lost connection or a server error) and may have closed it, but ${looked}. Check the call in Sonoran CAD.`,
	);
}

interface CallToClose {
	itemIndex: number;
	callId: number;
	serverId: number;
}

/**
 * Closes the call IDs of all input items in as few requests as the API allows: one
 * `POST …/dispatch-calls/close` with `{callIds}` per server and batch. Sonoran answers with the
 * IDs it closed; an item whose call is not among them failed.
 */
async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const results = new ItemResults(
		this,
		items.length,
		(closed) => `${closed} call(s) earlier in this run were already closed.`,
	);
	const byServer = new Map<number, CallToClose[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const call = {
				itemIndex,
				serverId: readServerId(this, itemIndex),
				callId: readCallId(this, itemIndex),
			};
			byServer.set(call.serverId, [...(byServer.get(call.serverId) ?? []), call]);
		} catch (error) {
			results.fail(itemIndex, error);
		}
	}
	if (byServer.size === 0) return results.toArray();

	const connection = await openConnection(this, readRequestPolicy(this));
	const batching = readBatching(this);
	for (const [serverId, calls] of byServer) {
		const sharing = { ...batching, batchKey: `close ${serverId}` };
		await deliverShared(this, connection, results, calls, sharing, {
			send: async (_batch, leaving) =>
				await requestV2(this, connection, CLOSE_CALLS_V2, {
					params: { serverId },
					body: () => ({ callIds: leaving.items().map((call) => call.callId) }),
					hooks: leaving,
				}),
			judge: (delivery) => judge(CLOSE_CALLS_V2, delivery),
			accept: async (batch, verdict, outcomes, sentUnclear) => {
				const listed = isObject(verdict.json) ? verdict.json.callIds : undefined;
				// Sonoran names the calls it closed; without a list, the 2xx covers the batch.
				const closed = Array.isArray(listed) ? new Set(listed.map(Number)) : undefined;
				const notClosed = closed ? batch.filter((call) => !closed.has(call.callId)) : [];
				// A call left out after an unclear attempt that carried it: that attempt may have
				// closed it. Only a look at the server's closed calls says so.
				const toConfirm = notClosed.filter(sentUnclear);
				const seenClosed = toConfirm.length
					? await closedAmong(this, connection, serverId)
					: new Set<number>();
				for (const call of batch) {
					const done = { callId: call.callId, serverId, closed: true };
					if (!notClosed.includes(call)) {
						outcomes.succeed(call.itemIndex, {
							...done,
							...(verdict.note ? { retryNote: verdict.note } : {}),
						});
					} else if (seenClosed instanceof Set && seenClosed.has(call.callId)) {
						outcomes.succeed(call.itemIndex, { ...done, retryNote: CLOSED_EARLIER });
					} else {
						outcomes.failWith(
							call.itemIndex,
							notClosedFailure(call, sentUnclear(call), seenClosed),
						);
					}
				}
			},
		});
	}
	return results.toArray();
}

export const close: SonoranOperation = {
	endpoints: [CLOSE_CALLS_V2],
	option: {
		name: 'Close Calls',
		value: 'close',
		action: 'Close dispatch calls by call ID',
		description:
			'Close dispatch calls by call ID, one call per input item, many per request; each item reports whether its call closed',
	},
	properties: [
		serverIdProperty,
		callIdProperty,
		optionsCollection([
			batchSizeOption('How many calls to close per request to Sonoran (1 to 100)'),
			shareRequestsOption,
		]),
	],
	execute,
};
