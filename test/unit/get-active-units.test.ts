import {
	emulatorWithUnits,
	itemError,
	runError,
	runSteps,
	type Emulator,
} from '../support/fixtures';

const V1_PATH = '/emergency/get_active_units';
const UNPACED = { intervalMs: 0 };

function listStep(parameters: Record<string, unknown>) {
	return {
		name: 'Get Active Units',
		parameters: { resource: 'unit', operation: 'getActiveUnits', ...parameters },
	};
}

async function emulatorWith(count: number, settings: object = {}): Promise<Emulator> {
	const emulator = await emulatorWithUnits([], settings);
	emulator.addUnits(
		Array.from({ length: count }, (_, i) => ({
			apiId: `STEAM:${i}`,
			communityUserId: `cu-${i}`,
			name: `Officer ${i}`,
			unitNum: `1A-${i}`,
			status: i % 5,
		})),
	);
	return emulator;
}

describe('Unit → Get Active Units', () => {
	it('v1: pages through GET_ACTIVE_UNITS 100 at a time when returning all', async () => {
		const emulator = await emulatorWith(250);
		const { run, output } = await runSteps(
			emulator,
			[{}],
			[listStep({ returnAll: true, options: UNPACED })],
		);

		expect(run.status).toBe('success');
		expect(emulator.bodiesTo(V1_PATH)).toEqual(
			[0, 100, 200].map((offset) => ({
				id: emulator.communityId,
				key: emulator.apiKey,
				type: 'GET_ACTIVE_UNITS',
				data: [{ serverId: 1, onlyUnits: true, includeOffline: false, limit: 100, offset }],
			})),
		);
		expect(output).toHaveLength(250);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(output[7].json).toMatchObject({
			apiId: 'STEAM:7',
			communityUserId: 'cu-7',
			unitNum: '1A-7',
			name: 'Officer 7',
			status: 2,
			statusName: 'AVAILABLE',
			serverId: 1,
			data: expect.objectContaining({ apiId1: 'STEAM:7', department: 'LSPD' }),
		});
	});

	it('v1: asks for no more than the limit', async () => {
		const emulator = await emulatorWith(250);
		const { output } = await runSteps(emulator, [{}], [listStep({ limit: 30, options: UNPACED })]);
		expect(emulator.bodiesTo(V1_PATH).map((body) => body.data[0].limit)).toEqual([30]);
		expect(output).toHaveLength(30);
	});

	it('v2: pages through GET /v2/emergency/servers/{id}/units with a Bearer key', async () => {
		const emulator = await emulatorWith(150);
		const { output } = await runSteps(
			emulator,
			[{}],
			[listStep({ apiVersion: 'v2', returnAll: true, options: UNPACED })],
		);

		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/emergency/servers/1/units',
			'GET /v2/emergency/servers/1/units',
		]);
		expect(emulator.requests[0].headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
		expect(emulator.requests.map((r) => r.query)).toEqual([
			{ onlyUnits: 'true', includeOffline: 'false', limit: '100', offset: '0' },
			{ onlyUnits: 'true', includeOffline: 'false', limit: '100', offset: '100' },
		]);
		expect(output).toHaveLength(150);
		expect(output[0].json).toMatchObject({
			apiId: 'STEAM:0',
			communityUserId: 'cu-0',
			coordinates: { x: 0, y: 0, z: 0, w: 0 },
		});
	});

	it.each(['v1', 'v2'])(
		'%s: leaves out dispatchers and offline units unless asked',
		async (apiVersion) => {
			const emulator = await emulatorWithUnits([]);
			emulator.addUnits([
				{ apiId: 'FIELD' },
				{ apiId: 'DISPATCH', isDispatch: true },
				{ apiId: 'OFFLINE', status: 100 },
			]);
			const names = async (options: object) =>
				(
					await runSteps(
						emulator,
						[{}],
						[listStep({ apiVersion, options: { ...UNPACED, ...options } })],
					)
				).output.map((item) => item.json.apiId);
			expect(await names({})).toEqual(['FIELD']);
			expect(await names({ onlyUnits: false })).toEqual(['FIELD', 'DISPATCH']);
			expect(await names({ includeOffline: true })).toEqual(['FIELD', 'OFFLINE']);
		},
	);

	it('lists once per input item, paired to it', async () => {
		const emulator = await emulatorWith(0);
		emulator.addUnits([
			{ apiId: 'A', serverId: 1 },
			{ apiId: 'B', serverId: 2 },
			{ apiId: 'C', serverId: 2 },
		]);
		const { output } = await runSteps(
			emulator,
			[{ server: 1 }, { server: 2 }],
			[listStep({ serverId: '={{ $json.server }}', options: UNPACED })],
		);
		expect(output.map((item) => [item.pairedItem, item.json.apiId, item.json.serverId])).toEqual([
			[{ item: 0 }, 'A', 1],
			[{ item: 1 }, 'B', 2],
			[{ item: 1 }, 'C', 2],
		]);
	});

	it.each(['v1', 'v2'])(
		'%s: tells a STANDARD community that listing units needs PLUS',
		async (apiVersion) => {
			const emulator = await emulatorWith(3, { plan: 2 });
			const { run } = await runSteps(emulator, [{}], [listStep({ apiVersion, options: UNPACED })]);
			expect(runError(run)?.message).toMatch(
				/Get Active Units is not included in this community's Sonoran plan/,
			);
			expect(runError(run)?.description).toMatch(/needs the PLUS plan or higher/);
		},
	);

	it('with Continue On Fail, an input item whose listing failed becomes one error item', async () => {
		const emulator = await emulatorWith(2, { servers: [1] });
		const { output } = await runSteps(
			emulator,
			[{ server: 1 }, { server: 7 }],
			[
				{
					...listStep({ apiVersion: 'v2', serverId: '={{ $json.server }}', options: UNPACED }),
					onError: 'continueRegularOutput',
				},
			],
		);
		expect(output).toHaveLength(3);
		expect(output[2].pairedItem).toEqual({ item: 1 });
		expect(itemError(output[2]).message).toBe(
			'Sonoran CAD does not know this server (HTTP 404): server 7',
		);
	});
});

describe("Get Active Units → Kick, with Kick's default parameters", () => {
	it('v1: kicks every listed unit by its API ID', async () => {
		const emulator = await emulatorWith(120);
		const { output } = await runSteps(
			emulator,
			[{}],
			[
				listStep({ returnAll: true, options: UNPACED }),
				{ name: 'Kick', parameters: { resource: 'unit', operation: 'kick', options: UNPACED } },
			],
		);
		expect(output).toHaveLength(120);
		expect(output.every((item) => item.json.kicked === true)).toBe(true);
		expect(emulator.activeUnits()).toEqual([]);
		expect(emulator.kicks.map((kick) => kick.apiId)).toEqual(
			Array.from({ length: 120 }, (_, i) => `STEAM:${i}`),
		);
	});

	it('v2: kicks every listed unit by its community user ID', async () => {
		const emulator = await emulatorWith(5);
		const { output } = await runSteps(
			emulator,
			[{}],
			[
				listStep({ apiVersion: 'v2', options: UNPACED }),
				{
					name: 'Kick',
					parameters: {
						resource: 'unit',
						operation: 'kick',
						identifyBy: 'communityUserId',
						options: UNPACED,
					},
				},
			],
		);
		expect(output.map((item) => item.json.communityUserId)).toEqual([
			'cu-0',
			'cu-1',
			'cu-2',
			'cu-3',
			'cu-4',
		]);
		expect(output.every((item) => item.json.kicked === true)).toBe(true);
		expect(emulator.activeUnits()).toEqual([]);
	});
});
