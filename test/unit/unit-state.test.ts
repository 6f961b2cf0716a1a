import {
	emulatorWithUnits,
	itemError,
	runError,
	type Emulator,
	resourceRunner,
	UNPACED,
} from '../support/fixtures';

const STATUS_PATH = (serverId: number) => `/v2/emergency/servers/${serverId}/units/status`;

async function withUnits() {
	const emulator = await emulatorWithUnits([]);
	emulator.addUnits([
		{ apiId: 'S:1', communityUserId: 'p1' },
		{ apiId: 'S:2', communityUserId: 'p2' },
		{ apiId: 'S:3', communityUserId: 'p3' },
		{ apiId: 'S:4', communityUserId: 'p4', serverId: 2 },
	]);
	return emulator;
}

const unitNamed = (emulator: Emulator, communityUserId: string) =>
	emulator.activeUnits().find((unit) => unit.communityUserId === communityUserId) as {
		status: number;
		isPanic?: boolean;
		identId: number;
		accId: string;
	};

const runUnits = resourceRunner('unit');

describe('Unit → Set Status', () => {
	const byItem = {
		serverId: '={{ $json.server }}',
		unitsBy: 'communityUserIds',
		units: '={{ $json.player }}',
		status: '={{ $json.status }}',
	};

	it('sends items asking the same status on the same server in one request, one output item each', async () => {
		const emulator = await withUnits();
		const items = [
			{ server: 1, player: 'p1', status: 3 },
			{ server: 1, player: 'p2', status: 3 },
			{ server: 1, player: 'p3', status: 4 },
			{ server: 2, player: 'p4', status: 3 },
		];

		const { output } = await runUnits(emulator, items, 'setStatus', byItem);

		expect(emulator.state.statusChanges).toEqual([
			{ serverId: 1, body: { communityUserIds: ['p1', 'p2'], status: 3 } },
			{ serverId: 1, body: { communityUserIds: ['p3'], status: 4 } },
			{ serverId: 2, body: { communityUserIds: ['p4'], status: 3 } },
		]);
		expect(output.map((item) => item.json)).toEqual([
			{
				serverId: 1,
				communityUserIds: ['p1'],
				status: 'ENROUTE',
				statusCode: 3,
				updatedInRequest: 2,
				itemsInRequest: 2,
			},
			{
				serverId: 1,
				communityUserIds: ['p2'],
				status: 'ENROUTE',
				statusCode: 3,
				updatedInRequest: 2,
				itemsInRequest: 2,
			},
			{
				serverId: 1,
				communityUserIds: ['p3'],
				status: 'ON_SCENE',
				statusCode: 4,
				updatedInRequest: 1,
				itemsInRequest: 1,
			},
			{
				serverId: 2,
				communityUserIds: ['p4'],
				status: 'ENROUTE',
				statusCode: 3,
				updatedInRequest: 1,
				itemsInRequest: 1,
			},
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(['p1', 'p2', 'p3', 'p4'].map((p) => unitNamed(emulator, p).status)).toEqual([
			3, 3, 4, 3,
		]);
	});

	it('finds the item whose unit is off duty when a shared request updates fewer units than it named', async () => {
		const emulator = await withUnits();
		const items = ['p1', 'ghost', 'p2'].map((player) => ({ server: 1, player, status: 0 }));

		const { output } = await runUnits(
			emulator,
			items,
			'setStatus',
			byItem,
			'continueRegularOutput',
		);

		// Sonoran answers one count per request: a short count splits the request (repeating a
		// status is harmless) until the item that caused it is alone.
		expect(output.map((item) => item.json.error ?? item.json.status)).toEqual([
			'UNAVAILABLE',
			"Sonoran CAD did not update all of this item's units: community user IDs ghost, server 1",
			'UNAVAILABLE',
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		expect(emulator.bodiesTo(STATUS_PATH(1)).map((body) => body.communityUserIds)).toEqual([
			['p1', 'ghost', 'p2'],
			['p1', 'ghost'],
			['p1'],
			['p2'],
		]);
		expect(['p1', 'p2'].map((p) => unitNamed(emulator, p).status)).toEqual([0, 0]);
	});

	it('with Batch Size 1 sends each item alone: the unknown unit is a 404 of its own', async () => {
		const emulator = await withUnits();
		const items = ['p1', 'ghost', 'p2'].map((player) => ({ server: 1, player, status: 0 }));

		const alone = await runUnits(
			emulator,
			items,
			'setStatus',
			{ ...byItem, options: { ...UNPACED.options, batchSize: 1 } },
			'continueRegularOutput',
		);

		expect(alone.output.map((item) => item.json.error ?? item.json.status)).toEqual([
			'UNAVAILABLE',
			'Sonoran CAD found no such server, or no unit matching the targets (HTTP 404): community user IDs ghost, server 1',
			'UNAVAILABLE',
		]);
		expect(emulator.bodiesTo(STATUS_PATH(1))).toHaveLength(3);
	});

	it('splits a shared request that Sonoran refuses with a 404 until each unknown unit is alone', async () => {
		const emulator = await withUnits();
		emulator.clearUnits();
		const items = ['ghost1', 'ghost2'].map((player) => ({ server: 1, player, status: 2 }));

		const { output } = await runUnits(
			emulator,
			items,
			'setStatus',
			byItem,
			'continueRegularOutput',
		);

		expect(output.map((item) => item.json.error)).toEqual(
			['ghost1', 'ghost2'].map(
				(id) =>
					`Sonoran CAD found no such server, or no unit matching the targets (HTTP 404): community user IDs ${id}, server 1`,
			),
		);
		expect(emulator.bodiesTo(STATUS_PATH(1)).map((body) => body.communityUserIds)).toEqual([
			['ghost1', 'ghost2'],
			['ghost1'],
			['ghost2'],
		]);
	});

	it('takes unit IDs and an account UUID (one request per account), and any status number by expression', async () => {
		const emulator = await withUnits();
		const p1 = unitNamed(emulator, 'p1');
		const p2 = unitNamed(emulator, 'p2');

		await runUnits(emulator, [{ ids: `${p1.identId}, ${p2.identId}` }], 'setStatus', {
			serverId: 1,
			unitsBy: 'identIds',
			units: '={{ $json.ids }}',
			status: '={{ 100 }}',
		});
		await runUnits(emulator, [{ acc: p1.accId }], 'setStatus', {
			serverId: 1,
			unitsBy: 'accountUuid',
			units: '={{ $json.acc }}',
			status: 1,
		});

		expect(emulator.state.statusChanges.map((change) => change.body)).toEqual([
			{ identIds: [p1.identId, p2.identId], status: 100 },
			{ accountUuid: p1.accId, status: 1 },
		]);
		expect([p1.status, p2.status]).toEqual([1, 100]);
	});

	it('refuses a status that is not a number, naming the item and the field, before sending', async () => {
		const emulator = await withUnits();

		const { run } = await runUnits(
			emulator,
			[{ server: 1, player: 'p1', status: 'fast' }],
			'setStatus',
			byItem,
		);

		expect(runError(run)?.message).toBe(
			'Item 1: "Status" must be a whole number of 0 or more, not "fast"',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Unit → Set Panic', () => {
	it('turns panic on for the units of all items in one request, and off again', async () => {
		const emulator = await withUnits();
		const items = [{ player: 'p1' }, { player: 'p2' }];
		const parameters = { serverId: 1, unitsBy: 'communityUserIds', units: '={{ $json.player }}' };

		const on = await runUnits(emulator, items, 'setPanic', { ...parameters, isPanic: true });
		expect(['p1', 'p2', 'p3'].map((p) => unitNamed(emulator, p).isPanic ?? false)).toEqual([
			true,
			true,
			false,
		]);
		await runUnits(emulator, items, 'setPanic', { ...parameters, isPanic: false });

		expect(emulator.bodiesTo('/v2/emergency/servers/1/units/panic')).toEqual([
			{ communityUserIds: ['p1', 'p2'], isPanic: true },
			{ communityUserIds: ['p1', 'p2'], isPanic: false },
		]);
		expect(on.output.map((item) => item.json)).toEqual([
			{
				serverId: 1,
				communityUserIds: ['p1'],
				isPanic: true,
				updatedInRequest: 2,
				itemsInRequest: 2,
			},
			{
				serverId: 1,
				communityUserIds: ['p2'],
				isPanic: true,
				updatedInRequest: 2,
				itemsInRequest: 2,
			},
		]);
		expect(unitNamed(emulator, 'p1').isPanic).toBe(false);
	});

	it('reports an unknown server as the error of each of its items', async () => {
		const emulator = await withUnits();

		const { output } = await runUnits(
			emulator,
			[{ player: 'p1' }],
			'setPanic',
			{ serverId: 9, unitsBy: 'communityUserIds', units: '={{ $json.player }}', isPanic: true },
			'continueRegularOutput',
		);

		expect(itemError(output[0]).description).toContain('Server 9 is not configured');
		expect(requestsToPanic(emulator)).toBe(1);
	});
});

function requestsToPanic(emulator: Emulator) {
	return emulator.requests.filter((request) => request.path.endsWith('/units/panic')).length;
}
