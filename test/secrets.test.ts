// Must run before the harness loads n8n-core: n8n's own logs are part of what is checked.
import { recordLogs, setLogLevel, takeLogs } from './support/log-level';
setLogLevel('debug');

import {
	emulatorWithUnits,
	itemError,
	runError,
	runKick,
	runSteps,
	type Emulator,
	type KickOptions,
} from './support/fixtures';

// A distinctive value to search for; the emulator accepts it as this community's key.
const TRACEABLE_KEY = 'dummy-key-5b1e9c0d7a';

let stopRecording: () => void;
beforeAll(() => {
	stopRecording = recordLogs();
});
afterAll(() => stopRecording());

describe('The API key stays secret', () => {
	const scenarios: Array<{ name: string; setup: (emulator: Emulator) => Partial<KickOptions> }> = [
		{ name: 'successful kicks', setup: () => ({}) },
		{ name: 'a refused batch, stopping the workflow', setup: (e) => (e.clearUnits(), {}) },
		{
			name: 'a refused batch, continuing on fail',
			setup: (e) => (e.clearUnits(), { onError: 'continueRegularOutput' }),
		},
		{
			name: 'a server error, to the error output',
			setup: (e) => (
				e.queueFault({ status: 500, body: 'oops' }),
				{ onError: 'continueErrorOutput' }
			),
		},
		{ name: 'a dropped connection', setup: (e) => (e.queueFault({ drop: true }), {}) },
		{ name: 'a wrong community ID', setup: () => ({ credential: { communityId: 'wrong' } }) },
		{
			name: 'an answer that echoes the key',
			setup: (e) => (e.queueFault({ status: 400, body: `BAD KEY ${TRACEABLE_KEY}` }), {}),
		},
		{
			name: 'a v2 kick (Bearer key) that kicked nobody',
			setup: () => ({
				items: [{ communityUserId: 'nobody' }],
				parameters: { identifyBy: 'communityUserId', options: { intervalMs: 0 } },
			}),
		},
		{
			name: 'a v2 listing that is rate limited',
			setup: (e) => (
				e.set({ v2Limits: { units: 0 } }),
				{
					parameters: {
						resource: 'unit',
						operation: 'getActiveUnits',
						apiVersion: 'v2',
						options: { intervalMs: 0, maxRetryWaitMs: 100 },
					},
				}
			),
		},
		{
			name: 'a 911 call created',
			setup: () => ({
				parameters: {
					resource: 'call',
					operation: 'create911',
					caller: 'n8n',
					location: 'here',
					description: '={{ $json.apiId }}',
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a 911 call on an unknown server, continuing on fail',
			setup: () => ({
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'call',
					operation: 'create911',
					serverId: 99,
					caller: 'n8n',
					location: 'here',
					description: 'test',
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a calls listing with a wrong key',
			setup: (e) => (
				e.set({ apiKey: 'another-dummy-key' }),
				{ parameters: { resource: 'call', operation: 'getMany' } }
			),
		},
		{
			name: 'closing calls that do not exist',
			setup: () => ({
				onError: 'continueErrorOutput',
				items: [{ callId: 1 }, { callId: 2 }],
				parameters: { resource: 'call', operation: 'close', options: { intervalMs: 0 } },
			}),
		},
		{
			name: 'an account not found, to the error output',
			setup: () => ({
				onError: 'continueErrorOutput',
				parameters: {
					resource: 'account',
					operation: 'get',
					accountBy: 'discord',
					account: '={{ $json.apiId }}',
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a link code created',
			setup: () => ({
				parameters: {
					resource: 'account',
					operation: 'createLinkCode',
					communityUserId: '={{ $json.apiId }}',
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a record for an unknown account, continuing on fail',
			setup: () => ({
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'record',
					operation: 'create',
					templateId: { __rl: true, mode: 'id', value: '4' },
					account: '={{ $json.apiId }}',
					fields: { mappingMode: 'defineBelow', value: { first: 'A' }, schema: [] },
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a lookup that is rate limited',
			setup: (e) => (
				e.set({ v2Limits: { lookups: 0 } }),
				{
					parameters: {
						resource: 'record',
						operation: 'lookup',
						last: '={{ $json.apiId }}',
						options: { intervalMs: 0, maxRetryWaitMs: 100 },
					},
				}
			),
		},
		{
			name: 'a status set for units that are not on duty',
			setup: () => ({
				parameters: {
					resource: 'unit',
					operation: 'setStatus',
					serverId: { __rl: true, mode: 'list', value: '1' },
					units: '={{ $json.apiId }}',
					options: { intervalMs: 0 },
				},
			}),
		},
		{
			name: 'a v2 plan check with a wrong community key',
			setup: (e) => (
				e.set({ apiKey: 'another-dummy-key' }),
				{ parameters: { resource: 'community', operation: 'getPlan', apiVersion: 'v2' } }
			),
		},
	];

	it.each(scenarios)('is absent from the run data and the logs after $name', async ({ setup }) => {
		const emulator = await emulatorWithUnits(['A', 'B'], { apiKey: TRACEABLE_KEY });
		const { items, parameters, onError, credential } = setup(emulator);
		takeLogs();
		const { run } = await runSteps(
			emulator,
			items ?? [{ apiId: 'A' }, { apiId: 'B' }],
			[
				{
					name: 'Sonoran CAD',
					parameters: { resource: 'unit', operation: 'kick', ...parameters },
					onError,
				},
			],
			{ credential: { apiKey: TRACEABLE_KEY, ...credential } },
		);
		const logs = takeLogs();

		// The key really was sent, and n8n logs the error that stops a run, so its absence means something.
		const carried = (r: Emulator['requests'][number]) =>
			r.rawBody.includes(TRACEABLE_KEY) || String(r.headers.authorization).includes(TRACEABLE_KEY);
		expect(emulator.requests.some(carried)).toBe(true);
		if (run.status === 'error') expect(logs).toContain(runError(run)!.message);
		expect(JSON.stringify(run)).not.toContain(TRACEABLE_KEY);
		expect(logs).not.toContain(TRACEABLE_KEY);
	});

	it('is replaced by **hidden** when Sonoran echoes it in an answer', async () => {
		const emulator = await emulatorWithUnits(['A'], { apiKey: TRACEABLE_KEY });
		emulator.queueFault({ status: 400, body: `BAD KEY ${TRACEABLE_KEY}` });
		const { run } = await runKick(emulator, { items: [{ apiId: 'A' }] });
		expect(runError(run)?.message).toBe(
			'Sonoran CAD refused the request: BAD KEY **hidden**: API ID A, server 1',
		);

		emulator.queueFault({ status: 400, body: `BAD KEY ${TRACEABLE_KEY}` });
		const { output } = await runKick(emulator, {
			items: [{ apiId: 'A' }],
			onError: 'continueRegularOutput',
		});
		expect(itemError(output[0]).message).toBe(
			'Sonoran CAD refused the request: BAD KEY **hidden**: API ID A, server 1',
		);
	});
});
