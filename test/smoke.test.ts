import { SonoranCadApi } from '../credentials/SonoranCadApi.credentials';
import * as answers from '../nodes/client/answers';
import * as connection from '../nodes/client/connection';
import * as endpoints from '../nodes/client/endpoints';
import * as requestPolicy from '../nodes/client/requestPolicy';
import * as transport from '../nodes/client/transport';
import { SonoranCadCallTrigger } from '../nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node';
import { emulatorWithUnits, type Emulator } from './support/fixtures';
import { emulatorCredentialData } from './support/emulator-credential';
import { report, runChecks } from './smoke/smoke';

/** The package's own modules, from source: the check runs through them, not a copy. */
const lib = {
	endpoints,
	transport,
	answers,
	connection,
	requestPolicy,
	SonoranCadApi,
	SonoranCadCallTrigger,
};
const TRACEABLE_KEY = 'dummy-smoke-key-4c2e91';

type Row = { check: string; agrees: boolean; status: number | string; body: string };

async function smoke(emulator: Emulator, options: { kick?: string; gapMs?: number } = {}) {
	const rows = (await runChecks(lib, {
		...emulatorCredentialData(emulator),
		gapMs: 0,
		...options,
	})) as Row[];
	return { rows, ...(report(rows, emulator.url) as { text: string; disagreements: number }) };
}

describe('npm run smoke, against the emulator', () => {
	it('finds the emulator agreeing with itself, read-only: no kick is sent', async () => {
		const emulator = await emulatorWithUnits(['STEAM:1'], { apiKey: TRACEABLE_KEY });
		const { rows, text, disagreements } = await smoke(emulator);
		expect(rows.map((row) => [row.check, row.agrees])).toEqual([
			['v1 GET_VERSION (credential and plan)', true],
			['v2 GET /v2/general/version', true],
			['v1 GET_ACTIVE_UNITS, server 1', true],
			['v2 GET …/servers/1/units', true],
			['v2 GET /v2/general/servers', true],
			['v2 GET …/servers/1/calls', true],
			['v2 GET /v2/general/accounts (1 account)', true],
			['v2 GET /v2/general/templates', true],
			['v2 POST /v2/general/lookups (a plate no one has)', true],
			['v2 GET /v2/integration-panels', true],
			['v2 GET /v2/integration-panels/n8n-smoke-no-such-panel', true],
			['v2 unknown server 987654', true],
			['v1 wrong path', true],
		]);
		expect(disagreements).toBe(0);
		expect(text).toContain('All 13 answers are what the node expects.');
		expect(emulator.requests.some((r) => r.path.includes('kick'))).toBe(false);
		expect(emulator.activeUnits()).toHaveLength(1);
		// The key went out (so its absence below means something) and is nowhere in the table.
		expect(emulator.requests.some((r) => r.rawBody.includes(TRACEABLE_KEY))).toBe(true);
		expect(text).not.toContain(TRACEABLE_KEY);
	});

	it('kicks only with --kick: the named unit, then a batch of it with a made-up API ID', async () => {
		const emulator = await emulatorWithUnits(['STEAM:1', 'STEAM:2']);
		const { rows, disagreements } = await smoke(emulator, { kick: 'STEAM:1' });
		expect(rows.slice(-2).map((row) => [row.status, row.body, row.agrees])).toEqual([
			[200, 'UNIT KICKED', true],
			[404, 'UNIT NOT FOUND', true],
		]);
		expect(disagreements).toBe(0);
		expect(emulator.kicks.map((kick) => kick.apiId)).toEqual(['STEAM:1']);
	});

	it.each([
		[
			'a wrong path answered 404',
			{ path: '/general/no_such_endpoint_smoke', status: 404, body: 'Not Found' },
			'v1 wrong path',
		],
		[
			'GET_VERSION answering a plan name',
			{ path: '/general/get_version', status: 200, body: 'PRO' },
			'v1 GET_VERSION (credential and plan)',
		],
		[
			'an unknown server answered 200',
			{
				path: '/v2/emergency/servers/987654/units',
				status: 200,
				body: '[]',
				headers: { 'content-type': 'application/json' },
			},
			'v2 unknown server 987654',
		],
		[
			'the calls listing under another key',
			{
				path: '/v2/emergency/servers/1/calls',
				status: 200,
				body: '{"calls":[]}',
				headers: { 'content-type': 'application/json' },
			},
			'v2 GET …/servers/1/calls',
		],
	])('reports %s as a disagreement, and fails', async (_name, fault, check) => {
		const emulator = await emulatorWithUnits(['STEAM:1']);
		emulator.queueFault(fault);
		const { rows, text, disagreements } = await smoke(emulator);
		// The altered answer is the first to disagree; checks that need the plan it gives follow it.
		const differing = rows.filter((row) => !row.agrees).map((row) => row.check);
		expect(differing[0]).toBe(check);
		expect(disagreements).toBe(differing.length);
		expect(text).toContain(`${differing.length} of 13 answers differ from what the node expects`);
		expect(text).toContain('| **NO** |');
	});

	it('sends at most one request a second', async () => {
		const emulator = await emulatorWithUnits(['STEAM:1']);
		await smoke(emulator, { gapMs: 1000 });
		const times = emulator.requests.map((r) => r.at);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(990);
	}, 20_000);
});
