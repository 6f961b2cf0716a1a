/**
 * One execution's item never fails, slows or acts for another's, and retries tell the truth.
 * Concurrent executions run through n8n-core against the emulator at Sonoran's documented v2
 * pace (a kick minute: a burst of 3, then one request every 3 s).
 */
import { sleep } from 'n8n-workflow';

import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runKick,
	runSteps,
	UNPACED,
	type Emulator,
	type NodeRun,
} from './support/fixtures';

const KICK_V2 = '/v2/emergency/servers/1/units/kick';
const CLOSE = '/v2/emergency/servers/1/dispatch-calls/close';
const runCall = resourceRunner('call');

const kickParameters = (options: object = {}) => ({
	resource: 'unit',
	operation: 'kick',
	identifyBy: 'communityUserId',
	communityUserId: '={{ $json.user }}',
	serverId: 1,
	reason: '={{ $json.reason }}',
	options: { retryDelayMs: 100, ...options },
});

/**
 * A node pace slower than any delay between two steps of a test on a busy machine: the executions
 * started after the burst is spent always find no token, wait, and share.
 */
const SLOW_V1_MS = 1500;

/** A v1 kick by API ID, paced at `intervalMs` so that executions that wait share. */
const v1Kick = (apiId: string, intervalMs: number) => ({
	resource: 'unit',
	operation: 'kick',
	serverId: 1,
	reason: 'afk',
	apiId,
	options: { intervalMs, retryDelayMs: 100 },
});

async function withUsers(...users: string[]): Promise<Emulator> {
	const emulator = await emulatorWithUnits([]);
	emulator.addUnits(users.map((user, i) => ({ apiId: `STEAM:${i}`, communityUserId: user })));
	return emulator;
}

/** Spends the key's burst of kicks, so that the executions after it wait for one slot and share. */
async function spendBurst(emulator: Emulator): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await runKick(emulator, {
			items: [{ user: `gone-${i}`, reason: 'burst' }],
			parameters: kickParameters(),
			onError: 'continueRegularOutput',
		});
	}
}

function execution(
	emulator: Emulator,
	item: object,
	parameters: Record<string, unknown>,
	onStart?: (execution: { cancel: () => void }) => void,
): Promise<NodeRun> {
	return runSteps(
		emulator,
		[item],
		[{ name: 'Sonoran CAD', parameters, onError: 'continueRegularOutput' }],
		{ onStart },
	);
}

const kickBodies = (emulator: Emulator) =>
	emulator
		.bodiesTo(KICK_V2)
		.map((body) =>
			(body as Array<{ communityUserId: string }>).map((entry) => entry.communityUserId),
		);

describe('a shared request never lets one execution fail, slow or act for another', () => {
	it('a 400 that names no item, drawn by B’s entry, leaves A’s kick done and A’s text free of B', async () => {
		const emulator = await withUsers('cu-a', 'cu-b');
		await spendBurst(emulator);
		emulator.queueFault({
			path: KICK_V2,
			bodyIncludes: 'cu-b',
			times: 5,
			status: 400,
			body: '{"title":"Bad Request","status":400,"detail":"Entry cu-b: reason is not allowed"}',
			headers: { 'content-type': 'application/problem+json' },
		});
		const [a, b] = await Promise.all([
			execution(emulator, { user: 'cu-a', reason: 'afk' }, kickParameters()),
			execution(emulator, { user: 'cu-b', reason: 'forbidden words' }, kickParameters()),
		]);

		// One shared request, refused; then each execution's own.
		expect(kickBodies(emulator).slice(3)).toEqual([['cu-a', 'cu-b'], ['cu-a'], ['cu-b']]);
		expect(a.output[0].json).toMatchObject({ communityUserId: 'cu-a', kicked: true });
		expect(JSON.stringify(a.output)).not.toContain('cu-b');
		expect(itemError(b.output[0]).message).toMatch(/refused the request: Entry cu-b/);
		expect(emulator.activeUnits().map((unit) => unit.communityUserId)).toEqual(['cu-b']);
	}, 30_000);

	it('executions with different Options do not share: each waits and retries by its own', async () => {
		const emulator = await withUsers('cu-a', 'cu-b');
		await spendBurst(emulator);
		const [a, b] = await Promise.all([
			execution(emulator, { user: 'cu-a', reason: 'afk' }, kickParameters({ maxRetryWaitMs: 0 })),
			execution(emulator, { user: 'cu-b', reason: 'afk' }, kickParameters()),
		]);
		expect(kickBodies(emulator).slice(3)).toEqual([['cu-a'], ['cu-b']]);
		expect([a.output[0].json.kicked, b.output[0].json.kicked]).toEqual([true, true]);
	}, 30_000);

	it('a cancelled execution’s unit leaves the resend after a 5xx', async () => {
		const emulator = await withUsers('cu-a', 'cu-b');
		await spendBurst(emulator);
		emulator.queueFault({ path: KICK_V2, status: 503, body: 'unavailable' });
		let cancelA: () => void = () => undefined;
		const running = Promise.all([
			execution(
				emulator,
				{ user: 'cu-a', reason: 'afk' },
				kickParameters({ retryDelayMs: 1500 }),
				(started) => (cancelA = started.cancel),
			),
			execution(emulator, { user: 'cu-b', reason: 'afk' }, kickParameters({ retryDelayMs: 1500 })),
		]);
		// Cancelled once the shared request has drawn its 503, before the resend.
		while (!emulator.requests.some((request) => request.status === 503)) await sleep(20);
		cancelA();
		const [a, b] = await running;

		expect(kickBodies(emulator).slice(3)).toEqual([['cu-a', 'cu-b'], ['cu-b']]);
		expect(a.run.status).toBe('canceled');
		expect(b.output[0].json).toMatchObject({ communityUserId: 'cu-b', kicked: true });
		expect(emulator.activeUnits().map((unit) => unit.communityUserId)).toEqual(['cu-a']);
	}, 30_000);
});

describe('a cancelled execution leaves the splits of a refused shared request', () => {
	it('after a 404 that blames items, the halves sent later carry none of its units', async () => {
		const emulator = await emulatorWithUnits(['STEAM:B', 'STEAM:C'], {
			v1Limit: { burst: 3, intervalMs: 400 },
		});
		const v1 = (apiId: string) => v1Kick(apiId, SLOW_V1_MS);
		// The burst is spent first, so the three executions below wait together and share.
		for (let i = 0; i < 3; i++) {
			await execution(emulator, {}, v1(`STEAM:GONE${i}`));
		}
		let cancelC: () => void = () => undefined;
		const running = Promise.all([
			execution(emulator, {}, v1('STEAM:UNKNOWN')),
			execution(emulator, {}, v1('STEAM:B')),
			execution(emulator, {}, v1('STEAM:C'), (started) => (cancelC = started.cancel)),
		]);
		// Cancelled once the shared request drew its 404, before its halves are sent.
		while (!emulator.requests.some((r) => r.status === 404 && r.rawBody.includes('STEAM:C'))) {
			await sleep(10);
		}
		cancelC();
		const [unknown, b, c] = await running;

		const sent = emulator
			.bodiesTo('/emergency/kick_unit')
			.slice(3)
			.map((body: { data: Array<{ apiId: string }> }) => body.data.map((entry) => entry.apiId));
		expect(sent[0]).toEqual(['STEAM:UNKNOWN', 'STEAM:B', 'STEAM:C']);
		expect(sent.slice(1).flat()).not.toContain('STEAM:C');
		expect(c.run.status).toBe('canceled');
		expect(b.output[0].json).toMatchObject({ apiId: 'STEAM:B', kicked: true });
		expect(unknown.output[0].json.error).toBe(
			'Sonoran CAD found no active unit with this API ID (HTTP 404): API ID STEAM:UNKNOWN, server 1',
		);
		expect(emulator.activeUnits().map((unit) => unit.apiId)).toEqual(['STEAM:C']);
	}, 30_000);
});

describe("an error never carries what Sonoran said about another execution's items", () => {
	it("a unit inferred unknown from a shared batch's 404 gets no text that names the other execution's unit", async () => {
		const emulator = await emulatorWithUnits(['STEAM:KNOWN'], {
			v1Limit: { burst: 3, intervalMs: 300 },
		});
		const v1 = (apiId: string) => v1Kick(apiId, SLOW_V1_MS);
		for (let i = 0; i < 3; i++) await execution(emulator, {}, v1(`STEAM:GONE${i}`));
		emulator.queueFault({
			path: '/emergency/kick_unit',
			bodyIncludes: 'STEAM:KNOWN',
			status: 404,
			body: 'UNITS STEAM:KNOWN, STEAM:UNKNOWN NOT FOUND',
		});
		const known = execution(emulator, {}, v1('STEAM:KNOWN'));
		await sleep(30);
		const [knownRun, unknownRun] = await Promise.all([
			known,
			execution(emulator, {}, v1('STEAM:UNKNOWN')),
		]);

		const sent = emulator
			.bodiesTo('/emergency/kick_unit')
			.slice(3)
			.map((body: { data: Array<{ apiId: string }> }) => body.data.map((entry) => entry.apiId));
		// The shared batch, then its first half alone; the second half is inferred, not sent.
		expect(sent).toEqual([['STEAM:KNOWN', 'STEAM:UNKNOWN'], ['STEAM:KNOWN']]);
		expect(knownRun.output[0].json).toMatchObject({ apiId: 'STEAM:KNOWN', kicked: true });
		expect(itemError(unknownRun.output[0]).message).toBe(
			'Sonoran CAD found no active unit with this API ID (HTTP 404): API ID STEAM:UNKNOWN, server 1',
		);
		expect(JSON.stringify(unknownRun.output)).not.toContain('STEAM:KNOWN');
	}, 30_000);
});

describe('retries tell the truth', () => {
	it('Close Calls: after an unclear attempt, "closed earlier" only for a call the closed list shows', async () => {
		const emulator = await emulatorWithUnits([]);
		const open = emulator.calls.createDispatch(1, { title: 'A' });
		// The first attempt closes what it can, then the connection drops: no answer.
		emulator.queueFault({ path: CLOSE, applied: true, drop: true });
		const { output } = await runCall(
			emulator,
			[{ callId: open.callId }, { callId: 4242 }],
			'close',
			{ serverId: 1, callId: '={{ $json.callId }}' },
			'continueRegularOutput',
		);
		expect(output[0].json).toMatchObject({
			callId: open.callId,
			closed: true,
			retryNote: expect.stringContaining('closed calls show it closed'),
		});
		expect(itemError(output[1])).toEqual({
			message:
				'Sonoran CAD did not close call 4242 when asked again; an earlier attempt may have closed it',
			description: expect.stringContaining("not among the server's latest 100 closed calls"),
		});
		expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST ${CLOSE}`,
			`POST ${CLOSE}`,
			'GET /v2/emergency/servers/1/calls',
		]);
	});

	it('Create 911 Call: a call Sonoran is still processing when the timeout fires is found by the second look, and not created twice', async () => {
		const emulator = await emulatorWithUnits([]);
		const path = '/v2/emergency/servers/1/calls/911';
		// Applied 1.6 s after it arrived: after the node's 1 s timeout and its first look (~0.6 s of
		// slack), before its second look a grace period (1 s) later (~0.4 s of slack).
		emulator.queueFault({ path, delayMs: 1600 });
		const { output } = await runCall(
			emulator,
			[{}],
			'create911',
			{
				serverId: 1,
				caller: 'Clerk',
				location: 'Innocence Blvd',
				description: 'Robbery',
				options: { ...UNPACED.options, timeoutMs: 1000 },
			},
			'continueRegularOutput',
		);
		expect(emulator.calls.emergency.size).toBe(1);
		expect(output[0].json).toMatchObject({ caller: 'Clerk' });
		expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST ${path}`,
			'GET /v2/emergency/servers/1/calls',
			'GET /v2/emergency/servers/1/calls',
		]);
	});

	it('Kick by community user ID: a unit left out after an unclear attempt says that attempt may have kicked it', async () => {
		const emulator = await withUsers('cu-a');
		emulator.queueFault({ path: KICK_V2, applied: true, drop: true });
		const { output } = await runKick(emulator, {
			items: [{ user: 'cu-a', reason: 'afk' }],
			parameters: { ...kickParameters(), options: { ...UNPACED.options } },
			onError: 'continueRegularOutput',
		});
		expect(emulator.activeUnits()).toHaveLength(0);
		expect(itemError(output[0]).message).toBe(
			'Sonoran CAD did not kick the unit of community user ID cu-a when asked again; an earlier attempt may have kicked it',
		);
	});
});

describe('the pace belongs to the key', () => {
	it('two credentials with one key and the community ID written differently share one pace', async () => {
		const emulator = await withUsers();
		const one = (communityId: string, user: string) =>
			runSteps(
				emulator,
				[{ user, reason: 'afk' }],
				[
					{
						name: 'Sonoran CAD',
						parameters: kickParameters({ shareRequests: false }),
						onError: 'continueRegularOutput',
					},
				],
				{ credential: { communityId } },
			);
		await Promise.all([
			one('demo-community', 'u1'),
			one(' Demo-Community', 'u2'),
			one('demo-community', 'u3'),
			one('another-spelling', 'u4'),
		]);
		const times = emulator.requests.map((request) => request.at).sort((x, y) => x - y);
		expect(times).toHaveLength(4);
		// A burst of 3 for the key, then one every 3 s: the fourth waits, whichever ID it came with.
		expect(times[3] - times[0]).toBeGreaterThan(2500);
	}, 30_000);
});
