import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { judge } from '../client/answers';
import { openConnection } from '../client/connection';
import { ACK_PANEL_ACTION_V2, isRouteSegment } from '../client/endpoints';
import { DEFAULT_POLICY } from '../client/requestPolicy';
import { requestV2 } from '../client/transport';
import { asWholeNumber } from '../client/wholeNumber';
import { PANEL_KEY_PATTERN } from '../editor/panelKey';

/** A webhook should not hold the press for long: one retry, at most 10 s of waiting on a 429. */
const ACK_POLICY = { ...DEFAULT_POLICY, maxRetries: 1, maxRetryWaitMs: 10_000 };

/**
 * Acknowledges a panel action as received (success), through the one transport. What happened
 * goes into the item: `acknowledged`, and why not when it failed; the workflow starts either way.
 */
export async function acknowledgeOnReceipt(
	ctx: IWebhookFunctions,
	action: IDataObject,
	message: string,
): Promise<IDataObject> {
	const { panelKey, eventId } = action;
	const serverId = asWholeNumber(action.serverId);
	if (
		typeof eventId !== 'string' ||
		!isRouteSegment(eventId) ||
		typeof panelKey !== 'string' ||
		!PANEL_KEY_PATTERN.test(panelKey) ||
		serverId === undefined
	) {
		return {
			acknowledged: false,
			acknowledgeError: 'The event names no valid event ID, panel key or server ID to acknowledge',
		};
	}
	const connection = await openConnection(ctx, ACK_POLICY);
	const verdict = judge(
		ACK_PANEL_ACTION_V2,
		await requestV2(ctx, connection, ACK_PANEL_ACTION_V2, {
			params: { serverId, panelKey, eventId },
			body: { success: true, ...(message ? { message } : {}) },
		}),
	);
	return verdict.ok
		? { acknowledged: true }
		: { acknowledged: false, acknowledgeError: verdict.failure.message };
}
