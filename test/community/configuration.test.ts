/**
 * The community's configuration: penal codes, postals and servers replaced as whole lists (all
 * input items in one request, nothing sent when one item is bad), heartbeat, info, Database Sync
 * and the FiveM configuration, through n8n-core against the emulator.
 */
import { emulatorWithUnits, itemError, resourceRunner, runError } from '../support/fixtures';

const runCommunity = resourceRunner('community');
const PENAL_CODES = '/v2/general/penal-codes';

/** A sheet's rows, as a Google Sheets node would give them (numbers as text in places). */
const ROWS = [
	{ code: '22107', title: 'Unsafe Lane Change', type: 'INFRACTION', bond: 0, jail: '0' },
	{
		code: '23152',
		title: 'Driving Under the Influence',
		type: 'MISDEMEANOR',
		bond: '500',
		jail: 30,
	},
	{ code: '187', title: 'Murder', type: 'FELONY', bond: 0, jail: '999' },
];

const FROM_SHEET = {
	code: '={{ $json.code }}',
	title: '={{ $json.title }}',
	type: '={{ $json.type }}',
	bondType: 'NONE',
	bondAmount: '={{ $json.bond }}',
	jailTime: '={{ $json.jail }}',
};

describe('Community → Replace Penal Codes', () => {
	it("sends every row in one request with the page's fields, and the CAD holds exactly those codes", async () => {
		const emulator = await emulatorWithUnits([]);
		emulator.configuration.penalCodes = [
			{
				title: 'Old',
				code: '1',
				type: 'INFRACTION',
				bondType: 'NONE',
				bondAmount: 0,
				jailTime: '0',
			},
		];
		const { output } = await runCommunity(emulator, ROWS, 'replacePenalCodes', FROM_SHEET);
		const expected = [
			{
				title: 'Unsafe Lane Change',
				code: '22107',
				type: 'INFRACTION',
				bondType: 'NONE',
				bondAmount: 0,
				jailTime: '0',
			},
			{
				title: 'Driving Under the Influence',
				code: '23152',
				type: 'MISDEMEANOR',
				bondType: 'NONE',
				bondAmount: 500,
				jailTime: '30',
			},
			{
				title: 'Murder',
				code: '187',
				type: 'FELONY',
				bondType: 'NONE',
				bondAmount: 0,
				jailTime: '999',
			},
		];
		expect(emulator.bodiesTo(PENAL_CODES)).toEqual([{ codes: expected }]);
		expect(emulator.configuration.penalCodes).toEqual(expected);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output.map((item) => item.json)).toEqual(
			expected.map((code) => ({ ...code, updated: 3 })),
		);

		// The same rows again: one more identical request, an identical state.
		await runCommunity(emulator, ROWS, 'replacePenalCodes', FROM_SHEET);
		expect(emulator.bodiesTo(PENAL_CODES)).toHaveLength(2);
		expect(emulator.configuration.penalCodes).toEqual(expected);

		const read = await runCommunity(emulator, [{}], 'getPenalCodes', {});
		expect(read.output.map((item) => item.json)).toEqual(expected);
	});

	it('sends nothing when one row is bad: that row names its field, the others say why they were not sent', async () => {
		const emulator = await emulatorWithUnits([]);
		const rows = [ROWS[0], { ...ROWS[1], bond: 'five hundred' }, ROWS[2]];
		const { output } = await runCommunity(
			emulator,
			rows,
			'replacePenalCodes',
			FROM_SHEET,
			'continueRegularOutput',
		);
		expect(emulator.bodiesTo(PENAL_CODES)).toEqual([]);
		expect(itemError(output[1]).message).toBe(
			'Item 2: "Bond Amount" must be a whole number of 0 or more, not "five hundred"',
		);
		for (const index of [0, 2]) {
			expect(itemError(output[index]).message).toBe(
				'Not sent: the penal codes are replaced as a whole, and item 2 is not valid',
			);
			expect(itemError(output[index]).description).toMatch(/would delete that entry/);
		}
	});

	it('stops the run on a bad row when errors stop the workflow, before anything is sent', async () => {
		const emulator = await emulatorWithUnits([]);
		const { run } = await runCommunity(
			emulator,
			[ROWS[0], { ...ROWS[1], code: '' }],
			'replacePenalCodes',
			FROM_SHEET,
		);
		expect(runError(run)?.message).toBe('Item 2: "Code" is empty');
		expect(emulator.bodiesTo(PENAL_CODES)).toEqual([]);
	});
});

describe('Community → Replace Postals, Replace Servers', () => {
	it('replaces the postals with every item in one request', async () => {
		const emulator = await emulatorWithUnits([]);
		const { output } = await runCommunity(
			emulator,
			[
				{ postal: '100', x: 425.1, y: -979.2 },
				{ postal: '101', x: '430', y: '-990.5' },
			],
			'replacePostals',
			{
				postal: '={{ $json.postal }}',
				coordinateX: '={{ $json.x }}',
				coordinateY: '={{ $json.y }}',
			},
		);
		expect(emulator.bodiesTo('/v2/general/postals')).toEqual([
			{
				postals: [
					{ code: '100', x: 425.1, y: -979.2 },
					{ code: '101', x: 430, y: -990.5 },
				],
			},
		]);
		expect(output.map((item) => item.json.updated)).toEqual([2, 2]);
	});

	it("replaces the servers with the page's fields and deployMap; the CAD then knows only those", async () => {
		const emulator = await emulatorWithUnits([]);
		const { output } = await runCommunity(
			emulator,
			[
				{ id: 1, name: 'Main Server' },
				{ id: 4, name: 'Roblox' },
			],
			'replaceServers',
			{
				id: '={{ $json.id }}',
				name: '={{ $json.name }}',
				settings: '={{ { enableMap: true, liveMapFormat: $json.id === 4 ? 1 : 0 } }}',
				deployMap: true,
			},
		);
		expect(emulator.bodiesTo('/v2/general/servers')).toEqual([
			{
				deployMap: true,
				servers: [
					{ id: 1, name: 'Main Server', enableMap: true, liveMapFormat: 0 },
					{ id: 4, name: 'Roblox', enableMap: true, liveMapFormat: 1 },
				],
			},
		]);
		expect(emulator.state.servers).toEqual([1, 4]);
		expect(output[1].json).toMatchObject({ id: 4, name: 'Roblox', liveMapFormat: 1 });
	});
});

describe('Community → Send Heartbeat, Get Info, Get Database Sync Settings, Get FiveM Configuration', () => {
	it('sends {playerCount} per item and reads the community settings once per execution', async () => {
		const emulator = await emulatorWithUnits([]);
		const beat = await runCommunity(emulator, [{ players: 42 }], 'heartbeat', {
			serverId: { __rl: true, mode: 'id', value: '1' },
			playerCount: '={{ $json.players }}',
		});
		expect(emulator.bodiesTo('/v2/general/servers/1/heartbeat')).toEqual([{ playerCount: 42 }]);
		expect(beat.output[0].json).toMatchObject({
			serverId: 1,
			playerCount: 42,
			receivedAtUtc: expect.any(String),
		});

		const info = await runCommunity(emulator, [{}, {}], 'getInfo', {});
		expect(emulator.requests.filter((r) => r.path === '/v2/general/info')).toHaveLength(1);
		expect(info.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(info.output[0].json).toMatchObject({
			uuid: expect.any(String),
			codes: ['10-8', '10-23'],
		});

		const sync = await runCommunity(emulator, [{}], 'getDatabaseSync', {});
		expect(sync.output[0].json).toEqual({
			enabled: false,
			characters: false,
			licenses: false,
			vehicleRegistrations: false,
		});

		const fivem = await runCommunity(emulator, [{}], 'getFiveMConfiguration', {
			serverId: { __rl: true, mode: 'id', value: '2' },
		});
		expect(fivem.output[0].json).toMatchObject({ serverId: 2, revision: 3 });
	});

	it("refuses a negative player count as the item's error, naming the field", async () => {
		const emulator = await emulatorWithUnits([]);
		const { output } = await runCommunity(
			emulator,
			[{ players: -1 }],
			'heartbeat',
			{ serverId: { __rl: true, mode: 'id', value: '1' }, playerCount: '={{ $json.players }}' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toBe(
			'Item 1: "Player Count" must be a whole number of 0 or more, not "-1"',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});
