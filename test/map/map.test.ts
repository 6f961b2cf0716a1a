/**
 * The live map: blips (create, update, delete, get) and unit locations, through n8n-core against
 * the emulator, with the pages' wire bodies.
 */
import { emulatorWithUnits, itemError, resourceRunner } from '../support/fixtures';

const runMap = resourceRunner('map');
const SERVER_1 = { __rl: true, mode: 'id', value: '1' };
const BLIPS = '/v2/emergency/servers/1/blips';

describe('Map → Create Blip, Update Blip, Get Blips, Delete Blips', () => {
	it("creates a blip with the page's body, changes only the fields given, lists it and deletes it", async () => {
		const emulator = await emulatorWithUnits([]);
		const created = await runMap(emulator, [{ x: 441.2, y: -981.9 }], 'createBlip', {
			serverId: SERVER_1,
			coordinateX: '={{ $json.x }}',
			coordinateY: '={{ $json.y }}',
			blipFields: {
				subType: 'scene',
				icon: 'fa-solid fa-location-crosshairs',
				color: 'red',
				tooltip: 'Scene perimeter',
				radius: 50,
				data: '[{"title": "Units", "text": "2"}]',
			},
		});
		expect(emulator.bodiesTo(BLIPS)).toEqual([
			{
				coordinates: { x: 441.2, y: -981.9, z: 0, w: 0 },
				subType: 'scene',
				icon: 'fa-solid fa-location-crosshairs',
				color: 'red',
				tooltip: 'Scene perimeter',
				radius: 50,
				data: [{ title: 'Units', text: '2' }],
			},
		]);
		const blipId = created.output[0].json.blipId as number;
		expect(created.output[0].json).toMatchObject({
			serverId: 1,
			blipId,
			tooltip: 'Scene perimeter',
		});

		await runMap(emulator, [{ blipId }], 'updateBlip', {
			serverId: SERVER_1,
			blipId: '={{ $json.blipId }}',
			blipFields: { tooltip: 'Updated perimeter', color: '#00a3ff', radius: 150 },
		});
		expect(emulator.bodiesTo(`${BLIPS}/${blipId}`)).toEqual([
			{ tooltip: 'Updated perimeter', color: '#00a3ff', radius: 150 },
		]);

		const listed = await runMap(emulator, [{}], 'getBlips', { serverId: SERVER_1 });
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: blipId,
				tooltip: 'Updated perimeter',
				radius: 150,
				serverId: 1,
			}),
		]);

		const deleted = await runMap(
			emulator,
			[{ blipId }, { blipId: 999 }],
			'deleteBlips',
			{ serverId: SERVER_1, blipId: '={{ $json.blipId }}' },
			'continueRegularOutput',
		);
		expect(emulator.bodiesTo(`${BLIPS}/delete`)).toEqual([{ ids: [blipId, 999] }]);
		expect(deleted.output[0].json).toEqual({ serverId: 1, blipId, deleted: true });
		expect(itemError(deleted.output[1]).message).toBe('Sonoran CAD did not delete blip 999');
		expect(emulator.configuration.blipsOf(1)).toEqual([]);
	});

	it("refuses an update with no field and a menu that is not a list, as the item's errors; nothing sent", async () => {
		const emulator = await emulatorWithUnits([]);
		const noField = await runMap(
			emulator,
			[{}],
			'updateBlip',
			{ serverId: SERVER_1, blipId: '5', blipFields: {} },
			'continueRegularOutput',
		);
		expect(itemError(noField.output[0]).message).toBe('Item 1: no field to change');
		const notList = await runMap(
			emulator,
			[{ data: '[]' }, { data: '{"title": "x"}' }],
			'updateBlip',
			{ serverId: SERVER_1, blipId: '5', blipFields: { data: '={{ $json.data }}' } },
			'continueRegularOutput',
		);
		expect(itemError(notList.output[1]).message).toBe(
			'Item 2: "Menu Entries (JSON)" must be a JSON list, not an object',
		);
		// The first item clears the menu of a blip that does not exist: Sonoran's 404 is its error.
		expect(itemError(notList.output[0]).message).toBe(
			'Sonoran CAD found no such blip on this server (HTTP 404): blip 5, server 1',
		);
		expect(emulator.requests).toHaveLength(1);
	});
});

describe('Map → Update Unit Locations', () => {
	it('sends every item of a server in one request of updates, as the page shows', async () => {
		const emulator = await emulatorWithUnits([], {
			units: [
				{ apiId: 'a', communityUserId: 'player-1234' },
				{ apiId: 'b', communityUserId: 'player-5678' },
			],
		});
		const { output } = await runMap(
			emulator,
			[
				{ user: 'player-1234', where: 'Mission Row', x: 441.2, y: -981.9, heading: 90 },
				{ user: 'player-5678', where: 'Alta St', x: 10, y: 20, heading: 0 },
				{ user: 'nobody', where: 'Nowhere', x: 0, y: 0, heading: 0 },
			],
			'updateUnitLocations',
			{
				serverId: SERVER_1,
				accountBy: 'communityUserId',
				account: '={{ $json.user }}',
				location: '={{ $json.where }}',
				coordinateX: '={{ $json.x }}',
				coordinateY: '={{ $json.y }}',
				coordinateZ: 30.7,
				coordinateW: '={{ $json.heading }}',
			},
		);
		expect(emulator.bodiesTo('/v2/emergency/servers/1/unit-locations')).toEqual([
			{
				updates: [
					{
						communityUserId: 'player-1234',
						location: 'Mission Row',
						coordinates: { x: 441.2, y: -981.9, z: 30.7, w: 90 },
					},
					{
						communityUserId: 'player-5678',
						location: 'Alta St',
						coordinates: { x: 10, y: 20, z: 30.7, w: 0 },
					},
					{
						communityUserId: 'nobody',
						location: 'Nowhere',
						coordinates: { x: 0, y: 0, z: 30.7, w: 0 },
					},
				],
			},
		]);
		expect(output.map((item) => [item.json.updated, item.json.sent])).toEqual([
			[2, 3],
			[2, 3],
			[2, 3],
		]);
		expect(emulator.configuration.unitLocations).toHaveLength(2);
	});
});
