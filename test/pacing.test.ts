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
import { adaptPace, bookSlot, paceFor, slowdownOf } from '../nodes/shared/pacing';

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

	it('lets v1 burst 3 requests, then one a second and a little more (1020 ms)', () => {
		const times = sendTimes('test-v1', paceFor(KICK_UNIT_V1, undefined), 6);
		expect(times.map((t) => Math.round(t - times[0]))).toEqual([0, 0, 0, 1020, 2040, 3060]);
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

describe('Adaptive pacing (each queue-mode worker on its own)', () => {
	/** Gaps between the sends of `count` back-to-back requests after the first, in virtual time. */
	function gapsAfter(key: string, pace: ReturnType<typeof paceFor>, count: number): number[] {
		const times = sendTimes(key, pace, count);
		return times.slice(1).map((t, i) => Math.round(t - times[i]));
	}

	it('halves the pace on each 429, down to a sixteenth, and sends no bursts while slowed', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		adaptPace('slowed', pace, true);
		expect(slowdownOf('slowed', pace)).toBe(2);
		expect(gapsAfter('slowed', pace, 4).slice(-2)).toEqual([2040, 2040]);
		for (let i = 0; i < 10; i++) adaptPace('slowed', pace, true);
		expect(slowdownOf('slowed', pace)).toBe(16);
	});

	it('wins back a tenth of the full pace per request that goes through, until whole again', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		adaptPace('recovering', pace, true);
		const rates: number[] = [];
		for (let i = 0; i < 6; i++) {
			adaptPace('recovering', pace, false);
			rates.push(Math.round(100 / slowdownOf('recovering', pace)) / 100);
		}
		expect(rates).toEqual([0.6, 0.7, 0.8, 0.9, 1, 1]);
		expect(gapsAfter('recovering', pace, 5).slice(-1)).toEqual([1020]);
	});

	it('never slows a process that is not refused: the full pace stays', () => {
		const pace = paceFor(KICK_UNIT_V2, undefined);
		for (let i = 0; i < 100; i++) adaptPace('calm', pace, false);
		expect(slowdownOf('calm', pace)).toBe(1);
	});

	it('lowers a v2 window in proportion: 20 a minute becomes 10 after a 429', () => {
		const pace = paceFor(KICK_UNIT_V2, undefined);
		adaptPace('window', pace, true);
		const times = sendTimes('window', pace, 30);
		expect(mostInAnyMinute(times)).toBe(10);
	});

	it('lets two workers sharing a v1 key settle near its limit: no more than about one request a second', () => {
		// Two independent processes, each with its own budget, against one server-side limit of a
		// burst of 3 and then 1 per second; a refusal costs the refused worker its slot.
		const pace = paceFor(KICK_UNIT_V1, undefined);
		const workers = ['worker-a', 'worker-b'];
		let serverTokens = 3;
		let serverUpdated = 0;
		let refused = 0;
		let accepted = 0;
		const next = Object.fromEntries(workers.map((w) => [w, 0]));
		for (let now = 0; now < 600_000; now += 10) {
			serverTokens = Math.min(3, serverTokens + (now - serverUpdated) / 1000);
			serverUpdated = now;
			for (const worker of workers) {
				if (now < next[worker]) continue;
				const ok = serverTokens >= 1;
				if (ok) serverTokens -= 1;
				if (ok) accepted++;
				else refused++;
				adaptPace(worker, pace, !ok, now);
				next[worker] = now + bookSlot(worker, pace, now) + (ok ? 0 : 500);
			}
		}
		const seconds = 600;
		// The two together keep within 15 % of the limit, and most of their requests go through.
		expect(accepted).toBeGreaterThan(seconds * 0.85);
		expect(accepted).toBeLessThanOrEqual(seconds + 3);
		expect(refused / (accepted + refused)).toBeLessThan(0.15);
	});
});
