import {
	ADD_CALL_NOTE_V2,
	ATTACH_UNITS_V2,
	CLOSE_CALLS_V2,
	CREATE_911_CALL_V2,
	CREATE_DISPATCH_CALL_V2,
	DETACH_UNITS_V2,
	GET_CALLS_V2,
	REMOVE_911_CALL_V2,
	UPDATE_DISPATCH_CALL_V2,
	GET_ACTIVE_UNITS_V2,
	GET_VERSION_V2,
	KICK_UNIT_V1,
	KICK_UNIT_V2,
} from '../nodes/shared/endpoints';
import { bookSlot, paceFor } from '../nodes/shared/pacing';

/** Send times of `count` back-to-back requests that each wait for their booked slot (virtual time). */
function sendTimes(key: string, pace: ReturnType<typeof paceFor>, count: number): number[] {
	const times: number[] = [];
	let now = 1_000_000;
	for (let i = 0; i < count; i++) {
		now += bookSlot(key, pace, now);
		times.push(now);
	}
	return times;
}

function mostInAnyMinute(times: number[]): number {
	return Math.max(
		...times.map((start) => times.filter((t) => t >= start && t < start + 60_000).length),
	);
}

describe('Default pacing', () => {
	it.each([
		['Kick Unit', 20, KICK_UNIT_V2],
		['Get Active Units', 3, GET_ACTIVE_UNITS_V2],
		['Get Version', 10, GET_VERSION_V2],
		['Get Calls', 5, GET_CALLS_V2],
		['Create 911 Call', 10, CREATE_911_CALL_V2],
		['Remove 911 Call', 10, REMOVE_911_CALL_V2],
		['Create Dispatch Call', 20, CREATE_DISPATCH_CALL_V2],
		['Update Dispatch Call', 10, UPDATE_DISPATCH_CALL_V2],
		['Add Call Note', 60, ADD_CALL_NOTE_V2],
		['Attach Units', 10, ATTACH_UNITS_V2],
		['Detach Units', 10, DETACH_UNITS_V2],
		['Close Calls', 20, CLOSE_CALLS_V2],
	])(
		'keeps v2 %s within its documented limit of %i per minute, and uses it',
		(_name, limit, endpoint) => {
			const times = sendTimes(
				`test-${endpoint.operation}`,
				paceFor(endpoint, undefined),
				limit * 12,
			);
			expect(mostInAnyMinute(times)).toBeLessThanOrEqual(limit);
			// The whole limit goes at once, and the next one a minute (plus a small margin) later.
			expect(times.slice(0, limit).every((t) => t === times[0])).toBe(true);
			expect(times[limit] - times[0]).toBeGreaterThanOrEqual(60_000);
			expect(times[limit] - times[0]).toBeLessThanOrEqual(61_000);
			const inTenMinutes = times.filter((t) => t < times[0] + 600_000).length;
			expect(inTenMinutes).toBeGreaterThanOrEqual(limit * 9);
		},
	);

	it('lets v1 burst 3 requests, then one a second', () => {
		const times = sendTimes('test-v1', paceFor(KICK_UNIT_V1, undefined), 6);
		expect(times.map((t) => t - times[0])).toEqual([0, 0, 0, 1000, 2000, 3000]);
	});

	it("uses the node's Request Interval when set, and no pacing at 0", () => {
		expect(
			sendTimes('test-set', paceFor(KICK_UNIT_V2, 500), 5).map((t, _, all) => t - all[0]),
		).toEqual([0, 0, 0, 500, 1000]);
		expect(new Set(sendTimes('test-off', paceFor(KICK_UNIT_V1, 0), 50)).size).toBe(1);
	});

	it('keeps separate budgets per community and per v2 endpoint', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		sendTimes('community-a', pace, 3);
		expect(bookSlot('community-b', pace, 1_000_000)).toBe(0);
		expect(bookSlot('community-a', paceFor(GET_VERSION_V2, undefined), 1_000_000)).toBe(0);
	});
});
