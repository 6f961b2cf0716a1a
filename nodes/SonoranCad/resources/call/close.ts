import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isObject, judge, leftOut } from '../../../client/answers';
import { openConnection } from '../../../client/connection';
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
	'An earlier attempt got no clear answer (a server error, a timeout or a lost connection); sent again, Sonoran no longer had this call open, so the earlier attempt closed it.';

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
					onRateLimited: leaving.rateLimited,
				}),
			judge: (delivery) => judge(CLOSE_CALLS_V2, delivery),
			accept: (batch, verdict, outcomes) => {
				const listed = isObject(verdict.json) ? verdict.json.callIds : undefined;
				// Sonoran names the calls it closed; without a list, the 2xx covers the batch.
				const closed = Array.isArray(listed) ? new Set(listed.map(Number)) : undefined;
				for (const call of batch) {
					if (!closed || closed.has(call.callId)) {
						outcomes.succeed(call.itemIndex, {
							callId: call.callId,
							serverId,
							closed: true,
							...(verdict.note ? { retryNote: verdict.note } : {}),
						});
						continue;
					}
					if (verdict.afterUnclear) {
						outcomes.succeed(call.itemIndex, {
							callId: call.callId,
							serverId,
							closed: true,
							retryNote: CLOSED_EARLIER,
						});
						continue;
					}
					outcomes.failWith(
						call.itemIndex,
						leftOut(
							'Sonoran CAD did not close this call',
							`Sonoran closed ${closed.size} of the ${batch.length} call(s) in this request and not call ${call.callId}: it is not an open dispatch call on server ${serverId} (already closed, a 911 call, or another server's).`,
						),
					);
				}
			},
		});
	}
	return results.toArray();
}

export const close: SonoranOperation = {
	option: {
		name: 'Close Calls',
		value: 'close',
		action: 'Close dispatch calls',
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
