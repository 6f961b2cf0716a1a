/**
 * Requests that wait share: concurrent executions in one process, each with its own items, run
 * through n8n-core against the emulator. Every unit is acted on once, each execution holds
 * exactly its own outcomes, and a lone item is never held back.
 */
import { sleep, type INodeExecutionData } from 'n8n-workflow';

import {
	emulatorWithUnits,
	itemError,
	KICK_PATH,
	runSteps,
	type Emulator,
	type NodeRun,
} from './support/fixtures';

/** Sonoran's v1 guidance, scaled down: a burst of 3, then one request per 150 ms. */
const V1_LIMIT = { burst: 3, intervalMs: 150 };
/** The node paced a little slower than that limit. */
const PACED = { intervalMs: 170, retryDelayMs: 50 };

type Run = NodeRun & { item: object };

/** One execution per item, all started at once, as a burst of webhooks does. */
async function concurrently(
	emulator: Emulator,
	items: object[],
	parameters: Record<string, unknown>,
	credential?: Record<string, unknown>,
): Promise<Run[]> {
	return await Promise.all(
		items.map(async (item) => ({
			item,
			...(await runSteps(
				emulator,
				[item],
				[{ name: 'Sonoran CAD', parameters, onError: 'continueRegularOutput' }],
				{ credential },
			)),
		})),
	);
}

const only = (run: Run): INodeExecutionData => {
	expect(run.output).toHaveLength(1);
	expect(run.output[0].pairedItem).toEqual({ item: 0 });
	return run.output[0];
};

const kickParameters = (options: object = {}) => ({
	resource: 'unit',
	operation: 'kick',
	serverId: '={{ $json.serverId }}',
	reason: '={{ $json.reason }}',
	options: { ...PACED, ...options },
});

const players = (count: number, prefix = 'P') =>
	Array.from({ length: count }, (_, i) => ({
		apiId: `${prefix}${i}`,
		reason: `reason ${i}`,
		serverId: (i % 2) + 1,
	}));

describe('executions that wait for the pace share a request', () => {
	it('50 one-item kick executions at once: a handful of requests, each unit kicked once, each execution its own outcome', async () => {
		const items = players(50);
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));

		const runs = await concurrently(emulator, items, kickParameters());

		const requests = emulator.requests.filter((r) => r.path === KICK_PATH);
		expect(requests.length).toBeLessThanOrEqual(5);
		expect(requests.every((r) => r.status === 200)).toBe(true);
		expect(emulator.kicks.map((k) => k.apiId).sort()).toEqual(items.map((i) => i.apiId).sort());
		for (const run of runs) {
			// Each execution sees only its own unit, reason and server.
			expect(only(run).json).toEqual({ ...run.item, kicked: true, answer: 'UNIT KICKED' });
		}
		const kickOf = new Map(emulator.kicks.map((k) => [k.apiId, k]));
		for (const item of items) {
			expect(kickOf.get(item.apiId)).toMatchObject({
				reason: item.reason,
				serverId: item.serverId,
			});
		}
	});

	it('50 one-item v2 kick executions at once, under its 20 a minute: a handful of requests, no 429', async () => {
		const items = Array.from({ length: 50 }, (_, i) => ({
			communityUserId: `cu-${i}`,
			reason: `r${i}`,
		}));
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits(
			items.map(({ communityUserId }) => ({ apiId: communityUserId, communityUserId })),
		);

		const runs = await concurrently(emulator, items, {
			resource: 'unit',
			operation: 'kick',
			apiVersion: 'v2',
			identifyBy: 'communityUserId',
			reason: '={{ $json.reason }}',
			serverId: 1,
		});

		const requests = emulator.requests.filter((r) => r.path.endsWith('/units/kick'));
		expect(requests.length).toBeLessThanOrEqual(5);
		expect(requests.every((r) => r.status === 200)).toBe(true);
		expect(emulator.activeUnits()).toEqual([]);
		for (const run of runs) {
			const { communityUserId, reason } = run.item as { communityUserId: string; reason: string };
			expect(only(run).json).toMatchObject({ communityUserId, reason, kicked: true });
			expect((only(run).json.answer as { communityUserId: string }).communityUserId).toBe(
				communityUserId,
			);
		}
	}, 30_000);

	it('isolates unknown units inside a shared request: only their executions get an error, naming nothing of the others', async () => {
		const items = players(20);
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		const unknown = new Set(['P7', 'P13']);
		emulator.addUnits(
			items
				.filter((i) => !unknown.has(i.apiId))
				.map(({ apiId, serverId }) => ({ apiId, serverId })),
		);

		const runs = await concurrently(emulator, items, kickParameters());

		expect(emulator.kicks.map((k) => k.apiId).sort()).toEqual(
			items
				.map((i) => i.apiId)
				.filter((id) => !unknown.has(id))
				.sort(),
		);
		for (const run of runs) {
			const item = only(run);
			const { apiId, serverId } = run.item as { apiId: string; serverId: number };
			if (!unknown.has(apiId)) {
				expect(item.json.kicked).toBe(true);
				continue;
			}
			const { message, description } = itemError(item);
			expect(message).toBe(
				`Sonoran CAD found no active unit with this API ID (HTTP 404): API ID ${apiId}, server ${serverId}`,
			);
			// Words, so that P1 is not found inside this item's own P13.
			const said = ` ${String(message)} ${String(description)} `.replace(/[,.:"]/g, ' ');
			for (const other of items.filter((i) => i.apiId !== apiId)) {
				expect(said).not.toContain(` ${other.apiId} `);
				expect(said).not.toContain(other.reason);
			}
		}
	});

	it('drops a cancelled execution’s unit that had not left, and still kicks the others', async () => {
		const items = players(12);
		const emulator = await emulatorWithUnits([], { v1Limit: { burst: 3, intervalMs: 500 } });
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));
		const slow = kickParameters({ intervalMs: 600 });
		// The burst is spent first, so every execution below waits in one open shared request.
		await concurrently(emulator, [{ apiId: 'none', reason: 'r', serverId: 1 }], slow);
		await concurrently(emulator, [{ apiId: 'none', reason: 'r', serverId: 1 }], slow);
		await concurrently(emulator, [{ apiId: 'none', reason: 'r', serverId: 1 }], slow);
		const cancelled = items[8];
		let cancel: () => void = () => undefined;

		const running = Promise.all(
			items.map(
				async (item) =>
					await runSteps(
						emulator,
						[item],
						[{ name: 'Sonoran CAD', parameters: slow, onError: 'continueRegularOutput' }],
						{ onStart: (execution) => item === cancelled && (cancel = execution.cancel) },
					),
			),
		);
		await sleep(150);
		cancel();
		const runs = await running;

		const sent = emulator
			.bodiesTo(KICK_PATH)
			.flatMap((body) => body.data.map((d: { apiId: string }) => d.apiId));
		expect(sent.filter((id) => id !== 'none')).toEqual(
			items.filter((i) => i !== cancelled).map((i) => i.apiId),
		);
		expect(emulator.activeUnits().map((u) => u.apiId)).toEqual([cancelled.apiId]);
		expect(runs[8].run.status).toBe('canceled');
		expect(runs.filter((run) => run.run.status === 'success')).toHaveLength(11);
	});

	it('still sends a shared request when the execution that opened it is cancelled, through one still running', async () => {
		const items = players(8);
		const emulator = await emulatorWithUnits([], { v1Limit: { burst: 3, intervalMs: 500 } });
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));
		const slow = kickParameters({ intervalMs: 600 });
		for (let i = 0; i < 3; i++) {
			await concurrently(emulator, [{ apiId: 'none', reason: 'r', serverId: 1 }], slow);
		}
		let cancelFirst: () => void = () => undefined;

		const running = Promise.all(
			items.map(async (item, index) => {
				// The first opens the shared request; the others join it.
				if (index > 0) await sleep(30);
				return await runSteps(
					emulator,
					[item],
					[{ name: 'Sonoran CAD', parameters: slow, onError: 'continueRegularOutput' }],
					{ onStart: (execution) => index === 0 && (cancelFirst = execution.cancel) },
				);
			}),
		);
		await sleep(200);
		cancelFirst();
		const runs = await running;

		expect(runs[0].run.status).toBe('canceled');
		expect(emulator.activeUnits().map((u) => u.apiId)).toEqual([items[0].apiId]);
		expect(runs.slice(1).every((run) => run.output[0]?.json.kicked === true)).toBe(true);
	});

	it('lets executions join a shared request while it waits out a 429, and sends it anew with them', async () => {
		const items = players(6);
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));
		emulator.queueFault({ status: 429, headers: { 'retry-after': '0.4' }, path: KICK_PATH });

		const first = concurrently(emulator, items.slice(0, 1), kickParameters());
		while (emulator.requests.length === 0) await sleep(10);
		const others = concurrently(emulator, items.slice(1), kickParameters());
		const runs = [...(await first), ...(await others)];

		expect(emulator.bodiesTo(KICK_PATH).map((body) => body.data.length)).toEqual([1, 6]);
		expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(runs.every((run) => only(run).json.kicked === true)).toBe(true);
	});

	it('keeps credentials apart: two communities, two emulators, each gets only its own units', async () => {
		const first = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		const second = await emulatorWithUnits([], {
			v1Limit: V1_LIMIT,
			apiKey: 'second-key',
			communityId: 'second',
		});
		const a = players(10, 'A');
		const b = players(10, 'B');
		first.addUnits(a.map(({ apiId, serverId }) => ({ apiId, serverId })));
		second.addUnits(b.map(({ apiId, serverId }) => ({ apiId, serverId })));

		const runs = await Promise.all([
			concurrently(first, a, kickParameters()),
			concurrently(second, b, kickParameters(), {
				apiKey: 'second-key',
				communityId: 'second',
				baseUrl: second.url,
			}),
		]);

		expect(first.kicks.map((k) => k.apiId).sort()).toEqual(a.map((i) => i.apiId).sort());
		expect(second.kicks.map((k) => k.apiId).sort()).toEqual(b.map((i) => i.apiId).sort());
		expect(runs.flat().every((run) => only(run).json.kicked === true)).toBe(true);
	});

	it('fails every entry of a shared request whose key is refused, each with the usual message', async () => {
		const items = players(10);
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));

		const runs = await concurrently(emulator, items, kickParameters(), { apiKey: 'not-the-key' });

		expect(emulator.kicks).toEqual([]);
		for (const run of runs) {
			const { apiId, serverId } = run.item as { apiId: string; serverId: number };
			expect(only(run).json.error).toBe(
				`Sonoran CAD rejected the API key (INVALID API KEY): API ID ${apiId}, server ${serverId}`,
			);
		}
		expect(emulator.requests.length).toBeLessThanOrEqual(4);
	});

	it('sends each execution alone with Share Requests Across Executions off', async () => {
		const items = players(8);
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));

		await concurrently(emulator, items, kickParameters({ intervalMs: 20, shareRequests: false }));

		expect(emulator.bodiesTo(KICK_PATH).map((body) => body.data.length)).toEqual(Array(8).fill(1));
	});

	it('keeps each execution’s Batch Size: executions asking for 1 per request do not join larger ones', async () => {
		const items = players(6);
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		emulator.addUnits(items.map(({ apiId, serverId }) => ({ apiId, serverId })));

		await Promise.all([
			concurrently(emulator, items.slice(0, 3), kickParameters()),
			concurrently(emulator, items.slice(3), kickParameters({ batchSize: 1 })),
		]);

		const bodies = emulator
			.bodiesTo(KICK_PATH)
			.map((body) => body.data.map((d: { apiId: string }) => d.apiId));
		const alone = new Set(items.slice(3).map((i) => i.apiId));
		for (const body of bodies) {
			if (body.some((id: string) => alone.has(id))) expect(body).toHaveLength(1);
		}
		expect(emulator.activeUnits()).toEqual([]);
	});

	it('holds the burst back from requests that could still share: events trickling in behind a lone one share the next request', async () => {
		const items = players(3).map((item) => ({ ...item, serverId: 1 }));
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT, latencyMs: 40 });
		emulator.addUnits(items.map(({ apiId }) => ({ apiId, serverId: 1 })));

		// A webhook, then two more 10 and 20 ms later, while the first request is out.
		const runs = await Promise.all(
			items.map(async (item, i) => {
				await sleep(10 * i);
				return (await concurrently(emulator, [item], kickParameters()))[0];
			}),
		);

		const bodies = emulator
			.bodiesTo(KICK_PATH)
			.map((body) => body.data.map((d: { apiId: string }) => d.apiId));
		expect(bodies).toEqual([['P0'], ['P1', 'P2']]);
		const [first, second] = emulator.requests.map((request) => request.at);
		// The lone first one left at once; the others at the next token (170 ms after the first
		// left), not on the burst's (10 ms). The emulator sees arrivals: a first request slowed by a
		// new connection on a busy machine arrives up to ~100 ms late, so the bound sits between.
		expect(second - first).toBeGreaterThanOrEqual(PACED.intervalMs / 3);
		for (const run of runs) expect(only(run).json.kicked).toBe(true);
	});

	it('keeps the burst for full requests: one execution of 250 kicks sends its three requests back to back', async () => {
		const items = players(250).map((item) => ({ ...item, serverId: 1 }));
		const emulator = await emulatorWithUnits([], { v1Limit: V1_LIMIT });
		emulator.addUnits(items.map(({ apiId }) => ({ apiId, serverId: 1 })));

		const { output } = await runSteps(emulator, items, [
			{ name: 'Sonoran CAD', parameters: kickParameters(), onError: 'continueRegularOutput' },
		]);

		const times = emulator.requests.map((request) => request.at);
		expect(emulator.bodiesTo(KICK_PATH).map((body) => body.data.length)).toEqual([100, 100, 50]);
		expect(times[2] - times[0]).toBeLessThan(PACED.intervalMs);
		expect(output.every((item) => item.json.kicked === true)).toBe(true);
	});

	it('sends a lone kick at once, alone, when the pace is free', async () => {
		const emulator = await emulatorWithUnits(['LONE']);

		const started = Date.now();
		const [run] = await concurrently(
			emulator,
			[{ apiId: 'LONE', reason: 'r', serverId: 1 }],
			kickParameters(),
		);

		expect(only(run).json.kicked).toBe(true);
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].at - started).toBeLessThan(1000);
	});
});

describe('Set Status and Close Calls share too, by status and server', () => {
	it('statuses: executions asking the same status of the same server share; a unit off duty fails only its own execution', async () => {
		const emulator = await emulatorWithUnits([]);
		const items = Array.from({ length: 16 }, (_, i) => ({
			player: `c${i}`,
			status: i % 2 === 0 ? 2 : 3,
		}));
		emulator.addUnits(
			items
				.filter((i) => i.player !== 'c5')
				.map((i) => ({ apiId: i.player, communityUserId: i.player })),
		);

		const runs = await concurrently(
			emulator,
			items,
			{
				resource: 'unit',
				operation: 'setStatus',
				unitsBy: 'communityUserIds',
				units: '={{ $json.player }}',
				status: '={{ $json.status }}',
				options: { retryDelayMs: 50 },
				serverId: 1,
			},
			undefined,
		);

		const bodies = emulator.bodiesTo('/v2/emergency/servers/1/units/status');
		// Sonoran's 30 a minute: a burst of 3, then the rest of the minute spread; the waiting share.
		expect(bodies.length).toBeLessThan(items.length);
		expect(bodies.every((body) => new Set([2, 3]).has(body.status))).toBe(true);
		for (const run of runs) {
			const { player, status } = run.item as { player: string; status: number };
			const item = only(run);
			if (player === 'c5') {
				// Alone in its request a 404; in a shared one, a count short of what was named.
				expect(item.json.error).toMatch(
					/^(Sonoran CAD did not update all of this item's units|Sonoran CAD found no such server, or no unit matching the targets \(HTTP 404\)): community user IDs c5, server 1$/,
				);
				continue;
			}
			expect(item.json).toMatchObject({ communityUserIds: [player], statusCode: status });
			const unit = emulator.activeUnits().find((u) => u.communityUserId === player);
			expect(unit?.status).toBe(status);
		}
	}, 60_000);

	it('close: executions closing calls on one server share a request; each sees only its call', async () => {
		const emulator = await emulatorWithUnits([]);
		const calls = Array.from({ length: 12 }, (_, i) =>
			emulator.calls.createDispatch(1, { title: `Call ${i}` }),
		);

		const runs = await concurrently(
			emulator,
			calls.map((call) => ({ callId: call.callId })),
			{ resource: 'call', operation: 'close', serverId: 1, options: { retryDelayMs: 50 } },
		);

		expect(emulator.calls.dispatch.size).toBe(0);
		expect(emulator.bodiesTo('/v2/emergency/servers/1/dispatch-calls/close').length).toBeLessThan(
			12,
		);
		for (const run of runs) {
			expect(only(run).json).toEqual({ ...run.item, serverId: 1, closed: true });
		}
	}, 60_000);
});
