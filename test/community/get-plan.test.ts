import { emulatorWithUnits, runError, runSteps } from '../support/fixtures';

const planStep = (parameters: Record<string, unknown> = {}) => ({
	name: 'Get Plan',
	parameters: {
		resource: 'community',
		operation: 'getPlan',
		options: { intervalMs: 0 },
		...parameters,
	},
});

describe('Community → Get Plan', () => {
	it.each([
		[0, 'FREE', false, false],
		[2, 'STANDARD', true, false],
		[3, 'PLUS', true, true],
		[6, 'SONORAN ONE', true, true],
	])(
		'v1: plan %i is %s (kick %s, list units %s), from one GET_VERSION for every input item',
		async (plan, name, kick, list) => {
			const emulator = await emulatorWithUnits([], { plan });
			const { output } = await runSteps(emulator, [{}, {}, {}], [planStep()]);

			expect(emulator.bodiesTo('/general/get_version')).toEqual([
				{ id: emulator.communityId, key: emulator.apiKey, type: 'GET_VERSION', data: [] },
			]);
			expect(output.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(output[0].json).toEqual({
				plan,
				planName: name,
				allows: { kickUnit: kick, getActiveUnits: list },
				answer: String(plan),
			});
		},
	);

	it('v2: reads {version, name} from GET /v2/general/version with a Bearer key', async () => {
		const emulator = await emulatorWithUnits([], { plan: 4 });
		const { output } = await runSteps(emulator, [{}], [planStep({ apiVersion: 'v2' })]);
		expect(
			emulator.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`),
		).toEqual([`GET /v2/general/version Bearer ${emulator.apiKey}`]);
		expect(output[0].json).toMatchObject({
			plan: 4,
			planName: 'PRO',
			answer: { version: 4, name: 'PRO' },
		});
	});

	it.each([
		['v1', /rejected the API key \(INVALID API KEY\)/],
		['v2', /rejected the API key \(HTTP 401\)/],
	])('%s: a wrong key stops the workflow with what to do', async (apiVersion, message) => {
		const emulator = await emulatorWithUnits([]);
		const { run } = await runSteps(emulator, [{}], [planStep({ apiVersion })], {
			credential: { apiKey: 'wrong' },
		});
		expect(runError(run)?.message).toMatch(message);
		expect(runError(run)?.description).toMatch(/paste the API key again/);
	});
});
