import { sleep } from 'n8n-workflow';

import {
	emulatorWithUnits,
	itemError,
	KICK_PATH,
	runError,
	runKick,
	unitIds,
	type Emulator,
} from '../support/fixtures';

/** apiIds per kick request, in the order they reached the emulator. */
function kickRequests(emulator: Emulator): string[][] {
	return emulator
		.bodiesTo(KICK_PATH)
		.map((body) => body.data.map((unit: { apiId: string }) => unit.apiId));
}

/** Milliseconds between consecutive requests. */
function gaps(emulator: Emulator): number[] {
	return emulator.requests.slice(1).map((request, i) => request.at - emulator.requests[i].at);
}

/** No pacing and quick backoff, so that only what a test sets shapes the timing. */
const FAST = { intervalMs: 0, retryDelayMs: 50 };

/** Kicks unit A after `fault` is queued: the first attempt meets it, the retry must kick A. */
async function expectKickedOnRetry(
	fault: Parameters<Emulator['queueFault']>[0],
): Promise<Emulator> {
	const emulator = await emulatorWithUnits(['A']);
	emulator.queueFault(fault);
	const { run, output } = await runKick(emulator, {
		items: [{ apiId: 'A' }],
		parameters: { options: FAST },
	});
	expect(run.status).toBe('success');
	expect(output[0].json.kicked).toBe(true);
	expect(emulator.requests).toHaveLength(2);
	expect(emulator.kicks.map((k) => k.apiId)).toEqual(['A']);
	return emulator;
}

describe('Unit → Kick under rate limits, outages and bad units', () => {
	describe('429', () => {
		it.each([
			['Retry-After in seconds', () => ({ 'retry-after': '1' })],
			// HTTP dates have whole seconds: the wait is between 1 and 2 seconds.
			[
				'Retry-After as an HTTP date',
				() => ({ 'retry-after': new Date(Date.now() + 2000).toUTCString() }),
			],
			['RateLimit-Reset in seconds', () => ({ 'ratelimit-reset': '1' })],
			[
				'X-RateLimit-Reset as epoch seconds',
				() => ({ 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 2) }),
			],
		])('waits as %s asks, then retries and kicks', async (_name, headers) => {
			const emulator = await expectKickedOnRetry({
				status: 429,
				body: '{"message":"API rate limit exceeded"}',
				headers: headers(),
			});
			expect(gaps(emulator)[0]).toBeGreaterThanOrEqual(950);
		});

		it('backs off on its own when the 429 names no wait', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ status: 429 });
			const { output } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: { intervalMs: 0, retryDelayMs: 400 } },
			});
			expect(output[0].json.kicked).toBe(true);
			// Jitter picks between half and all of the delay.
			expect(gaps(emulator)[0]).toBeGreaterThanOrEqual(190);
		});

		it('keeps retrying a 429 beyond Max Retries while its waits stay within Max Retry Wait', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ status: 429, headers: { 'retry-after': '0.3' }, times: 4 });
			const { output } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: { ...FAST, maxRetries: 0, maxRetryWaitMs: 5000 } },
			});
			expect(kickRequests(emulator)).toEqual([['A'], ['A'], ['A'], ['A'], ['A']]);
			expect(output[0].json).toMatchObject({ apiId: 'A', kicked: true });
		});

		it('fails only that batch, saying it was rate limited longer than Max Retry Wait and what to change', async () => {
			const emulator = await emulatorWithUnits(['A', 'B']);
			emulator.queueFault({ status: 429, headers: { 'retry-after': '0.5' }, times: 4 });
			const { output } = await runKick(emulator, {
				items: [{ apiId: 'A' }, { apiId: 'B' }],
				parameters: { options: { ...FAST, batchSize: 1, maxRetries: 10, maxRetryWaitMs: 1200 } },
				onError: 'continueRegularOutput',
			});

			// 0.5 s + 0.5 s fit in 1.2 s; a third wait would not.
			expect(kickRequests(emulator)).toEqual([['A'], ['A'], ['A'], ['B'], ['B']]);
			expect(itemError(output[0]).message).toBe(
				'Sonoran CAD kept rate limiting this request (HTTP 429) for longer than Max Retry Wait (3 attempts, 1 s of waiting): API ID A, server 1',
			);
			expect(itemError(output[0]).description).toMatch(
				/Nothing was done for this item\. Raise "Max Retry Wait"/,
			);
			expect(output[1].json).toMatchObject({ apiId: 'B', kicked: true });
		});

		it('does not wait longer than Max Retry Wait: a longer Retry-After fails at once', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ status: 429, headers: { 'retry-after': '120' } });
			const started = Date.now();
			const { run } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: { ...FAST, maxRetryWaitMs: 5000 } },
			});
			expect(run.status).toBe('error');
			expect(runError(run)?.message).toBe(
				'Sonoran CAD kept rate limiting this request (HTTP 429) for longer than Max Retry Wait (1 attempt, 0 s of waiting): API ID A, server 1',
			);
			expect(emulator.requests).toHaveLength(1);
			expect(Date.now() - started).toBeLessThan(5000);
		});

		it('holds the following batches back for the Retry-After too', async () => {
			const emulator = await emulatorWithUnits(['A', 'B']);
			emulator.queueFault({ status: 429, headers: { 'retry-after': '1' } });
			await runKick(emulator, {
				items: [{ apiId: 'A' }, { apiId: 'B' }],
				parameters: { options: { ...FAST, batchSize: 1 } },
			});
			expect(kickRequests(emulator)).toEqual([['A'], ['A'], ['B']]);
			expect(gaps(emulator)[0]).toBeGreaterThanOrEqual(950);
		});
	});

	describe('outages', () => {
		it.each([
			[
				'502 with an HTML page',
				{
					status: 502,
					body: '<html><h1>502 Bad Gateway</h1></html>',
					headers: { 'content-type': 'text/html' },
				},
			],
			[
				'503 with an HTML page',
				{
					status: 503,
					body: '<html>Service Unavailable</html>',
					headers: { 'content-type': 'text/html' },
				},
			],
			['a reset connection', { drop: true }],
		])('retries after %s with backoff, and the retry kicks', async (_name, fault) => {
			await expectKickedOnRetry(fault);
		});

		it('gives up after Max Retries on a lasting outage, and says so', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ status: 503, body: 'down', times: 10 });
			const { run } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: { ...FAST, maxRetries: 3 } },
			});
			expect(emulator.requests).toHaveLength(4);
			expect(runError(run)?.message).toBe(
				'Sonoran CAD had a server error (HTTP 503) after 4 attempts: API ID A, server 1',
			);
		});

		it('retries a request slower than the timeout, and reports that the slow one was applied after all', async () => {
			const emulator = await emulatorWithUnits(['A', 'B']);
			// The emulator applies the slow request at 400 ms, after the node gave up on it at 300 ms
			// and before its retry (at least 300 ms later).
			emulator.queueFault({ delayMs: 400 });
			const { output } = await runKick(emulator, {
				items: [{ apiId: 'A' }, { apiId: 'B' }],
				parameters: { options: { intervalMs: 0, timeoutMs: 300, retryDelayMs: 600 } },
				onError: 'continueRegularOutput',
			});

			expect(emulator.kicks.map((k) => k.apiId)).toEqual(['A', 'B']);
			expect(output).toHaveLength(2);
			for (const item of output) {
				expect(itemError(item).message).toMatch(/no active unit/);
				expect(itemError(item).description).toMatch(
					/earlier attempt of this request got no clear answer .* may already have been applied/,
				);
			}
		});

		it('reports a timeout when every attempt times out', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ delayMs: 600, status: 200, body: 'UNIT KICKED', times: 2 });
			const { run } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: { ...FAST, timeoutMs: 200, maxRetries: 1 } },
			});
			expect(runError(run)?.message).toBe(
				'Sonoran CAD did not answer in time (2 attempts): API ID A, server 1',
			);
			expect(runError(run)?.description).toMatch(/may still have been applied/);
		});

		it('does not retry a garbled answer, which may have been applied', async () => {
			const emulator = await emulatorWithUnits(['A']);
			emulator.queueFault({ status: 200, body: '\u0000\u0001garbage' });
			const { run } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				parameters: { options: FAST },
			});
			expect(runError(run)?.message).toMatch(/unexpected answer to Kick Unit/);
			expect(emulator.requests).toHaveLength(1);
		});

		it('never retries a configuration error', async () => {
			const emulator = await emulatorWithUnits(['A']);
			const { run } = await runKick(emulator, {
				items: [{ apiId: 'A' }],
				credential: { apiKey: 'wrong' },
				parameters: { options: { ...FAST, maxRetries: 5 } },
			});
			expect(runError(run)?.message).toMatch(/INVALID API KEY/);
			expect(emulator.requests).toHaveLength(1);
		});
	});

	describe('a batch refused because of some of its units (404)', () => {
		async function kickWithUnknown(size: number, unknownAt: number[]) {
			const ids = unitIds(size);
			const unknown = new Set(unknownAt.map((i) => ids[i]));
			const emulator = await emulatorWithUnits(ids.filter((id) => !unknown.has(id)));
			const { output } = await runKick(emulator, {
				items: ids.map((apiId) => ({ apiId })),
				parameters: { options: FAST },
				onError: 'continueRegularOutput',
			});
			return { ids, unknown, output, emulator };
		}

		it.each([
			// [batch size, positions of unknown API IDs, requests the bisection needs]
			[1, [0], 1],
			[2, [0], 3],
			[2, [1], 2],
			[100, [3], 13],
			[100, [37], 9],
			[100, [0], 15],
			[100, [99], 7],
			[100, [5, 50, 93], 30],
		])(
			'in a batch of %i with unknown units at %j: kicks the rest, fails only those, in %i requests',
			async (size, unknownAt, requests) => {
				const { ids, unknown, output, emulator } = await kickWithUnknown(size, unknownAt);

				expect(emulator.requests).toHaveLength(requests);
				expect(output).toHaveLength(size);
				output.forEach((item, index) => {
					expect(item.pairedItem).toEqual({ item: index });
					if (unknown.has(ids[index]))
						expect(itemError(item).message).toMatch(/no active unit with this API ID/);
					else expect(item.json).toMatchObject({ apiId: ids[index], kicked: true });
				});
				expect(emulator.kicks.map((k) => k.apiId).sort()).toEqual(
					ids.filter((id) => !unknown.has(id)).sort(),
				);
			},
		);

		it('costs at most 15 requests for 1 unknown unit in 100, wherever it is', async () => {
			const costs: number[] = [];
			for (const position of [0, 12, 49, 50, 63, 87, 99]) {
				const { emulator } = await kickWithUnknown(100, [position]);
				costs.push(emulator.requests.length);
			}
			expect(Math.max(...costs)).toBeLessThanOrEqual(15);
		});

		it('stops at the first unknown unit when the node stops on errors, after kicking what it could before it', async () => {
			const ids = unitIds(4);
			const emulator = await emulatorWithUnits([ids[0], ids[1], ids[3]]);
			const { run } = await runKick(emulator, {
				items: ids.map((apiId) => ({ apiId })),
				parameters: { options: FAST },
			});
			expect(run.status).toBe('error');
			expect(runError(run)?.message).toMatch(/no active unit with this API ID/);
			expect(runError(run)?.description).toMatch(
				/2 unit\(s\) earlier in this run were already kicked/,
			);
		});
	});

	it('keeps the invariants for 1 000 kicks with 1 % unknown: one output per input, nothing kicked twice, no success re-sent', async () => {
		const ids = unitIds(1000);
		// Positions 3, 103, 203, …: one unknown unit in each batch of 100.
		const unknown = new Set(ids.filter((_, i) => (i * 37) % 100 === 11));
		expect(unknown.size).toBe(10);
		const emulator = await emulatorWithUnits(ids.filter((id) => !unknown.has(id)));
		const { output, errorOutput } = await runKick(emulator, {
			items: ids.map((apiId) => ({ apiId })),
			parameters: { options: FAST },
			onError: 'continueErrorOutput',
		});

		// Every input item ends as exactly one output item, on the right output.
		const pairedIndex = (item: (typeof output)[number]) =>
			(item.pairedItem as { item: number }).item;
		expect([...output, ...errorOutput].map(pairedIndex).sort((a, b) => a - b)).toEqual(
			ids.map((_, i) => i),
		);
		expect(
			output.every((item) => item.json.kicked === true && !unknown.has(ids[pairedIndex(item)])),
		).toBe(true);
		expect(errorOutput.map((item) => ids[pairedIndex(item)]).sort()).toEqual([...unknown].sort());

		// Every known unit is kicked exactly once.
		expect(emulator.kicks.map((k) => k.apiId).sort()).toEqual(
			ids.filter((id) => !unknown.has(id)).sort(),
		);

		// A unit in a request answered UNIT KICKED is never sent again.
		const requests = emulator.requests.map((request, i) => ({
			status: request.status,
			ids: kickRequests(emulator)[i],
		}));
		requests.forEach((request, i) => {
			if (request.status !== 200) return;
			const later = new Set(requests.slice(i + 1).flatMap((r) => r.ids));
			expect(request.ids.filter((id) => later.has(id))).toEqual([]);
		});

		// The design's count: 13 requests isolate the unknown unit at position 3 of each batch.
		expect(emulator.requests).toHaveLength(10 * 13);
	});

	it('stops waiting and sends nothing more when the execution is cancelled during a wait', async () => {
		const emulator = await emulatorWithUnits(['A', 'B']);
		emulator.queueFault({ status: 429, headers: { 'retry-after': '30' } });
		let cancel: () => void = () => undefined;
		const started = Date.now();
		const running = runKick(emulator, {
			items: [{ apiId: 'A' }, { apiId: 'B' }],
			parameters: { options: { ...FAST, batchSize: 1 } },
			onStart: (execution) => (cancel = execution.cancel),
		});
		while (emulator.requests.length === 0) await sleep(20);
		cancel();
		const { run } = await running;

		expect(Date.now() - started).toBeLessThan(10_000);
		expect(run.status).toBe('canceled');
		await sleep(200);
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.kicks).toEqual([]);
	});

	describe('against a v1 rate limit (simulated by the emulator: a burst, then one request per interval)', () => {
		const limit = { burst: 3, intervalMs: 100 };

		it('recovers from its 429s through Retry-After, kicking every unit exactly once', async () => {
			const ids = unitIds(600);
			const emulator = await emulatorWithUnits(ids, { v1Limit: limit });
			const { output } = await runKick(emulator, {
				items: ids.map((apiId) => ({ apiId })),
				parameters: { options: { intervalMs: 0, retryDelayMs: 50 } },
			});
			const tooMany = emulator.requests.filter((r) => r.status === 429).length;
			expect(tooMany).toBeGreaterThan(0);
			expect(emulator.requests.length).toBe(6 + tooMany);
			expect(output.every((item) => item.json.kicked === true)).toBe(true);
			expect(new Set(emulator.kicks.map((k) => k.apiId)).size).toBe(600);
			expect(emulator.kicks).toHaveLength(600);
		});

		it('meets no 429 when its pace is a little slower than the limit', async () => {
			const ids = unitIds(600);
			const emulator = await emulatorWithUnits(ids, { v1Limit: limit });
			await runKick(emulator, {
				items: ids.map((apiId) => ({ apiId })),
				parameters: { options: { intervalMs: limit.intervalMs + 20 } },
			});
			expect(emulator.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
		});
	});

	it('paces by default: a burst of 3 requests, then about one a second', async () => {
		const emulator = await emulatorWithUnits(unitIds(5));
		await runKick(emulator, {
			items: unitIds(5).map((apiId) => ({ apiId })),
			parameters: { options: { batchSize: 1 } },
		});
		const between = gaps(emulator);
		expect(between).toHaveLength(4);
		expect(between[0] + between[1]).toBeLessThan(500);
		expect(between[2]).toBeGreaterThanOrEqual(900);
		expect(between[3]).toBeGreaterThanOrEqual(900);
	});
});

describe('the steady pace holds where Sonoran counts it', () => {
	it('spaces the burst from the first request’s arrival: a slow first request (a new connection) costs no 429', async () => {
		const ids = unitIds(1000);
		const limit = { burst: 3, intervalMs: 100 };
		const emulator = await emulatorWithUnits(ids, { v1Limit: limit });
		// The first request reaches Sonoran's counter 40 ms late; the others at once.
		emulator.queueFault({ delayMs: 40, path: KICK_PATH });

		await runKick(emulator, {
			items: ids.map((apiId) => ({ apiId })),
			parameters: { options: { intervalMs: 102, retryDelayMs: 50 } },
		});

		expect(emulator.requests.map((r) => r.status)).toEqual(Array(10).fill(200));
		// Still within the 1.02 × bound, plus the one late arrival: 7 intervals after the burst.
		const span = emulator.requests[9].at - emulator.requests[0].at;
		expect(span).toBeLessThan(7 * 102 + 40 + 60);
	});
});
