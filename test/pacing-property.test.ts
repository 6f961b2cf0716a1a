/**
 * No 60 s window ever holds more requests than Sonoran documents for the endpoint, whatever the
 * Request Interval, the arrival schedule, the answer times, the 429s and whether requests are
 * shared; and a lone request on a fresh key leaves at once. Property-based (fast-check), over
 * virtual time: each request books its slot when the one before it has left, as awaitTurn does.
 */
import fc from 'fast-check';

import * as endpoints from '../nodes/client/endpoints';
import type { Endpoint } from '../nodes/client/endpoints';
import { bookSlot, noteAnswered, paceFor, slowDownAfter429 } from '../nodes/client/pacing';

const MINUTE_MS = 60_000;

const documented = Object.values(endpoints).filter(
	(value): value is Endpoint =>
		typeof value === 'object' && value !== null && 'api' in value && value.api === 'v2',
);

const request = fc.record({
	// Mostly bursts of events, now and then a quiet spell.
	gapMs: fc.oneof(
		{ weight: 4, arbitrary: fc.integer({ min: 0, max: 2_000 }) },
		{ weight: 1, arbitrary: fc.integer({ min: 0, max: 90_000 }) },
	),
	latencyMs: fc.integer({ min: 0, max: 8_000 }),
	joinable: fc.boolean(),
	refused: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

/** The most send times that fall in any window [t, t + 60 s) starting at a send. */
function mostInAnyMinute(times: number[]): number {
	return Math.max(
		...times.map((start) => times.filter((t) => t >= start && t < start + MINUTE_MS).length),
	);
}

let run = 0;

describe('pacing, as a property', () => {
	it('finds every documented v2 endpoint with a limit', () => {
		expect(documented.length).toBeGreaterThan(30);
		expect(documented.every((endpoint) => (endpoint.perMinute ?? 0) > 0)).toBe(true);
	});

	it('never puts more than the documented count in any 60 s window, and lets a lone request go at once', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...documented).chain((endpoint) =>
					fc.tuple(
						fc.constant(endpoint),
						// Unset, any interval, or one near the documented spacing (60 s / limit).
						fc.oneof(
							fc.constant(undefined),
							fc.integer({ min: 1, max: 120_000 }),
							fc
								.double({ min: 0.5, max: 4, noNaN: true })
								.map((factor) => Math.ceil((factor * MINUTE_MS) / endpoint.perMinute!)),
						),
					),
				),
				fc.array(request, { minLength: 1, maxLength: 80 }),
				([endpoint, intervalMs], requests) => {
					const key = `property-${run++}`;
					let arrival = 1_000_000;
					let lastSent = arrival;
					const sent: number[] = [];
					requests.forEach((next, index) => {
						arrival += next.gapMs;
						const now = Math.max(arrival, lastSent);
						const pace = paceFor(endpoint, intervalMs, next.joinable);
						const wait = bookSlot(key, pace, now);
						if (index === 0 && wait !== 0) throw new Error(`a lone request waited ${wait} ms`);
						const at = now + wait;
						sent.push(at);
						lastSent = at;
						noteAnswered(key, pace, at, at + next.latencyMs);
						if (next.refused) slowDownAfter429(key, pace, at, at + next.latencyMs);
					});
					const most = mostInAnyMinute(sent);
					if (most > endpoint.perMinute!) {
						throw new Error(
							`${most} requests in one minute where ${endpoint.operation} allows ${endpoint.perMinute}`,
						);
					}
				},
			),
			{ numRuns: 2000 },
		);
	});

	it('measures time on a monotonic clock: a wall clock stepped back an hour holds nothing back', () => {
		const pace = paceFor(endpoints.GET_VERSION_V2, undefined);
		// Spends the minute of Get Version (10), at the real time.
		for (let i = 0; i < 10; i++) bookSlot('stepped-clock', pace);
		const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now() - 3_600_000);
		try {
			expect(bookSlot('stepped-clock', pace)).toBeLessThanOrEqual(61_000);
		} finally {
			clock.mockRestore();
		}
	});

	it('a Request Interval slower than the limit still sends a lone request at once, and then keeps its spacing', () => {
		const pace = paceFor(endpoints.GET_ACTIVE_UNITS_V2, 25_000);
		const times = [0, 1, 2, 3, 4].reduce<number[]>((sent) => {
			const now = sent.length ? sent[sent.length - 1] : 0;
			return [...sent, now + bookSlot('slower-interval', pace, now)];
		}, []);
		expect(times[0]).toBe(0);
		// Get Active Units allows 3 a minute: with 25 s asked, no minute holds more than 3.
		expect(mostInAnyMinute(times)).toBeLessThanOrEqual(3);
	});
});
