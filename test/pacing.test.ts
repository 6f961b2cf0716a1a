import { DEFAULT_POLICY } from '../nodes/client/requestPolicy';
import { requestPolicyOptions } from '../nodes/SonoranCad/parameters/requestOptions';
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
	SET_UNIT_PANIC_V2,
	SET_UNIT_STATUS_V2,
} from '../nodes/client/endpoints';
import {
	bookSlot,
	holdUntil,
	noteAnswered,
	paceFor,
	slowDownAfter429,
	slowdownOf,
} from '../nodes/client/pacing';

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

	it.each([
		['Kick Unit', 20, KICK_UNIT_V2],
		['Close Calls', 20, CLOSE_CALLS_V2],
		['Set Unit Status', 30, SET_UNIT_STATUS_V2],
		['Set Unit Panic', 20, SET_UNIT_PANIC_V2],
	])(
		'spreads batchable v2 %s: a burst of 3, then the rest of its %i a minute evenly, never more in any minute',
		(_name, limit, endpoint) => {
			const times = sendTimes(
				`spread-${endpoint.operation}`,
				paceFor(endpoint, undefined),
				limit * 12,
			);
			const gap = 60_000 / limit;
			expect(mostInAnyMinute(times)).toBeLessThanOrEqual(limit);
			expect(times.slice(0, 3).every((t) => t === times[0])).toBe(true);
			expect(times[3] - times[0]).toBeCloseTo(gap, 0);
			expect(times[4] - times[3]).toBeCloseTo(gap, 0);
			const inTenMinutes = times.filter((t) => t < times[0] + 600_000).length;
			expect(inTenMinutes).toBeGreaterThanOrEqual(limit * 9);
		},
	);

	it('takes a slow first request’s time back from the refill, once per burst', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		const slots = [0, 0, 0].map(() => bookSlot('slow-first', pace, 1_000));
		noteAnswered('slow-first', pace, 1_000, 1_040);
		// The first request took 40 ms: the fourth goes 1020 + 40 ms after the burst, and the
		// fifth 1020 ms after that (the answer of a later request changes nothing).
		const fourth = bookSlot('slow-first', pace, 1_050);
		noteAnswered('slow-first', pace, 1_050 + fourth, 1_050 + fourth + 40);
		const fifth = bookSlot('slow-first', pace, 1_050 + fourth);
		expect(slots).toEqual([0, 0, 0]);
		expect(1_050 + fourth).toBeCloseTo(1_000 + 1_020 + 40, 0);
		expect(fifth).toBeCloseTo(1_020, 0);
	});

	it('lets v1 burst 3 requests, then one a second and a little more (1020 ms)', () => {
		const times = sendTimes('test-v1', paceFor(KICK_UNIT_V1, undefined), 6);
		expect(times.map((t) => Math.round(t - times[0]))).toEqual([0, 0, 0, 1020, 2040, 3060]);
	});

	it("uses the node's Request Interval for v1 when set, and no pacing at 0", () => {
		expect(
			sendTimes('test-set', paceFor(KICK_UNIT_V1, 500), 5).map((t, _, all) => t - all[0]),
		).toEqual([0, 0, 0, 500, 1000]);
		expect(new Set(sendTimes('test-off', paceFor(KICK_UNIT_V1, 0), 50)).size).toBe(1);
		expect(new Set(sendTimes('test-off-v2', paceFor(KICK_UNIT_V2, 0), 50)).size).toBe(1);
	});

	it("keeps a v2 endpoint's documented limit when Request Interval is added with its default, and slows it when larger", () => {
		// Kick v2 allows 20 a minute (one every 3 s): 1000 ms cannot make it faster.
		expect(paceFor(KICK_UNIT_V2, 1000)).toEqual(paceFor(KICK_UNIT_V2, undefined));
		expect(paceFor(KICK_UNIT_V2, 1000)).toMatchObject({ kind: 'window', perMinute: 20 });
		expect(
			sendTimes('test-slower', paceFor(KICK_UNIT_V2, 5000), 5).map((t, _, all) => t - all[0]),
		).toEqual([0, 0, 0, 5000, 10000]);
	});

	it('keeps separate budgets per community and per v2 endpoint', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		sendTimes('community-a', pace, 3);
		expect(bookSlot('community-b', pace, 1_000_000)).toBe(0);
		expect(bookSlot('community-a', paceFor(GET_VERSION_V2, undefined), 1_000_000)).toBe(0);
	});
});

describe('Adaptive pacing (each queue-mode worker on its own)', () => {
	it('halves the pace on a 429, once per congestion, down to a sixteenth, and sends no bursts while slowed', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		slowDownAfter429('slowed', pace, 0, 1000);
		expect(slowdownOf('slowed', pace, 1000)).toBe(2);
		// Another 429 to a request booked before the pace was halved is the same congestion.
		slowDownAfter429('slowed', pace, 900, 1000);
		expect(slowdownOf('slowed', pace, 1000)).toBe(2);
		for (let i = 1; i <= 10; i++) slowDownAfter429('slowed', pace, 1000 + i, 1000 + i);
		expect(slowdownOf('slowed', pace, 1010)).toBeCloseTo(16, 0);
		// Slowed: no burst, one request per 16 × 1020 ms.
		expect(bookSlot('slowed', pace, 1010)).toBe(0);
		expect(Math.round(bookSlot('slowed', pace, 1010))).toBeGreaterThan(10_000);
	});

	it('grows back to the full pace within ten of its intervals of quiet (10.2 s for v1)', () => {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		slowDownAfter429('recovering', pace, 0, 0);
		const shares = [0, 2550, 5100, 7650].map(
			(t) => Math.round(100 / slowdownOf('recovering', pace, t)) / 100,
		);
		expect(shares).toEqual([0.5, 0.75, 1, 1]);
		for (let i = 1; i <= 5; i++) slowDownAfter429('recovering', pace, 10_000 + i, 10_000 + i);
		expect(slowdownOf('recovering', pace, 10_005)).toBeGreaterThan(15);
		expect(slowdownOf('recovering', pace, 20_205)).toBe(1);
	});

	it('never slows a process that is not refused: the full pace stays', () => {
		const pace = paceFor(KICK_UNIT_V2, undefined);
		sendTimes('calm', pace, 100);
		expect(slowdownOf('calm', pace)).toBe(1);
	});

	it('lowers a v2 window in proportion: 20 a minute becomes 10 right after a 429', () => {
		const pace = paceFor(CREATE_DISPATCH_CALL_V2, undefined);
		slowDownAfter429('window', pace, 0, 1_000_000);
		expect(
			Array.from({ length: 12 }, () => bookSlot('window', pace, 1_000_000) === 0).filter(Boolean),
		).toHaveLength(10);
	});

	/**
	 * Workers sharing one v1 key, simulated in virtual time with the real pacing: each worker runs
	 * up to 10 executions at once (n8n's default worker concurrency), whose requests take turns as
	 * awaitTurn gives them (each booking when the one before it left), and the server keeps v1's
	 * limit (a burst of 3, then one a second), answering 429 with the wait until its next token,
	 * which the execution waits out before asking for a turn again.
	 */
	function simulateWorkers(workerCount: number, kicks: number) {
		const pace = paceFor(KICK_UNIT_V1, undefined);
		const server = { tokens: 3, at: 0 };
		const key = (worker: number) => `sim-${workerCount}-${kicks}-${worker}`;
		// Executions asking for a turn ('ready'), and the request whose turn came leaving ('leave').
		type Event = { kind: 'ready' | 'leave'; worker: number; at: number };
		const events: Event[] = [];
		const lines = Array.from({ length: workerCount }, () => ({ waiting: 0, head: false }));
		let queued = kicks;
		let requests = 0;
		let refused = 0;
		let lastKick = 0;
		const takeTurn = (worker: number, at: number) => {
			lines[worker].head = true;
			events.push({ kind: 'leave', worker, at: at + bookSlot(key(worker), pace, at) });
		};
		for (let worker = 0; worker < workerCount; worker++) {
			for (let slot = 0; slot < 10 && queued > 0; slot++, queued--) {
				events.push({ kind: 'ready', worker, at: 0 });
			}
		}
		while (events.length) {
			events.sort((a, b) => a.at - b.at || (a.kind === 'leave' ? -1 : 1));
			const { kind, worker, at } = events.shift()!;
			const line = lines[worker];
			if (kind === 'ready') {
				if (line.head) line.waiting++;
				else takeTurn(worker, at);
				continue;
			}
			line.head = false;
			if (line.waiting > 0) {
				line.waiting--;
				takeTurn(worker, at);
			}
			server.tokens = Math.min(3, server.tokens + (at - server.at) / 1000);
			server.at = at;
			requests++;
			if (server.tokens >= 1) {
				server.tokens -= 1;
				lastKick = at;
				if (queued-- > 0) events.push({ kind: 'ready', worker, at });
				continue;
			}
			refused++;
			slowDownAfter429(key(worker), pace, at, at);
			// The 429's Retry-After: until the server's next token; the execution waits it out.
			const retryAt = at + Math.max(250, (1 - server.tokens) * 1000);
			holdUntil(key(worker), pace, retryAt, at);
			events.push({ kind: 'ready', worker, at: retryAt });
		}
		// The bound: a burst of 3, then one a second.
		const boundMs = Math.max(0, kicks - 3) * 1000;
		return { requests, refused, seconds: lastKick / 1000, ratio: lastKick / boundMs };
	}

	it.each([
		[1, 50],
		[2, 50],
		[4, 50],
		[2, 500],
		[4, 500],
	])(
		'lets %i worker(s) sharing a v1 key deliver %i kicks near the limit, every kick once',
		(workers, kicks) => {
			const { requests, refused, ratio } = simulateWorkers(workers, kicks);
			// Every kick lands (a 429 is retried, never dropped), and the workers together stay near the bound.
			expect(requests - refused).toBe(kicks);
			expect(ratio).toBeLessThan(workers === 1 ? 1.03 : 1.4);
			// What the contention costs: refused requests, each waited out and sent again.
			expect(requests).toBeLessThan(kicks * 3);
			if (workers === 1) expect(refused).toBe(0);
		},
	);
});

describe('the request policy', () => {
	it("defaults to what the node's Options show", () => {
		const shown = Object.fromEntries(
			requestPolicyOptions
				.filter((option) => option.name !== 'intervalMs')
				.map((option) => [option.name, option.default]),
		);
		expect(shown).toEqual(DEFAULT_POLICY);
	});
});
