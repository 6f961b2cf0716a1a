/**
 * A server's emergency configuration: pager (get, set), stations, ERS callouts and street signs
 * replaced as whole lists, and street sign text updates, through n8n-core against the emulator.
 */
import { emulatorWithUnits, itemError, resourceRunner } from '../support/fixtures';

const runServer = resourceRunner('serverConfiguration');
const SERVER_2 = { __rl: true, mode: 'id', value: '2' };
const ON_2 = '/v2/emergency/servers/2';

describe('Server Configuration → Replace Street Sign Config, Update Street Signs', () => {
	it('replaces the signs with every item in one request, then changes the text of some', async () => {
		const emulator = await emulatorWithUnits([]);
		const signs = [
			{ id: 7, x: 420.1, y: -980.4, label: 'Mission Row', t1: 'Mission Row', t2: 'Integrity Way' },
			{ id: 8, x: 100, y: 200, label: 'Alta', t1: 'Alta St', t2: '' },
		];
		const replaced = await runServer(emulator, signs, 'replaceStreetSignConfig', {
			serverId: SERVER_2,
			signId: '={{ $json.id }}',
			coordinateX: '={{ $json.x }}',
			coordinateY: '={{ $json.y }}',
			coordinateZ: 30.8,
			label: '={{ $json.label }}',
			text1: '={{ $json.t1 }}',
			text2: '={{ $json.t2 }}',
		});
		expect(emulator.bodiesTo(`${ON_2}/street-sign-config`)).toEqual([
			{
				signs: [
					{
						id: 7,
						coordinates: { x: 420.1, y: -980.4, z: 30.8, w: 0 },
						label: 'Mission Row',
						text1: 'Mission Row',
						text2: 'Integrity Way',
						text3: '',
					},
					{
						id: 8,
						coordinates: { x: 100, y: 200, z: 30.8, w: 0 },
						label: 'Alta',
						text1: 'Alta St',
						text2: '',
						text3: '',
					},
				],
			},
		]);
		expect(replaced.output.map((item) => item.json.signs)).toEqual([2, 2]);

		const updated = await runServer(
			emulator,
			[{ ids: '7, 8' }, { ids: '99' }],
			'updateStreetSigns',
			{ serverId: SERVER_2, signIds: '={{ $json.ids }}', text1: 'ROAD CLOSED' },
			'continueRegularOutput',
		);
		expect(emulator.bodiesTo(`${ON_2}/street-signs`)).toEqual([
			{ ids: [7, 8], text1: 'ROAD CLOSED', text2: '', text3: '' },
			{ ids: [99], text1: 'ROAD CLOSED', text2: '', text3: '' },
		]);
		expect(updated.output[0].json).toEqual({ serverId: 2, ids: [7, 8] });
		expect(itemError(updated.output[1]).message).toBe(
			'Sonoran CAD found no such street sign on this server (HTTP 404): server 2',
		);
	});
});

describe('Server Configuration → Get Pager Config, Set Pager Config', () => {
	it("sets the page's body as given and reads it back", async () => {
		const emulator = await emulatorWithUnits([]);
		const config = {
			natureWords: {
				Emergency: 'Emergency',
				NonEmergency: 'Non-Emergency',
				Administrative: 'Administrative',
			},
			maxAddresses: 5,
			maxBodyLength: 250,
			nodes: [
				{
					id: 'root-1',
					name: 'Fire',
					description: 'Fire services',
					permission: 'fire',
					address: 'FIRE-01',
					shortCode: 'F1',
					kind: 'group',
					children: [],
				},
			],
		};
		await runServer(emulator, [{}], 'setPagerConfig', {
			serverId: SERVER_2,
			pagerConfig: JSON.stringify(config),
		});
		expect(emulator.bodiesTo(`${ON_2}/pager-config`)).toEqual([config]);
		const read = await runServer(emulator, [{}], 'getPagerConfig', { serverId: SERVER_2 });
		expect(read.output[0].json).toEqual({ serverId: 2, ...config });
	});

	it("refuses a configuration holding __proto__ as the item's error; nothing sent", async () => {
		const emulator = await emulatorWithUnits([]);
		const { output } = await runServer(
			emulator,
			[{}],
			'setPagerConfig',
			{ serverId: SERVER_2, pagerConfig: '{"natureWords": {"__proto__": {"x": 1}}}' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toMatch(
			/^Item 1: "Configuration \(JSON\)" holds the name "natureWords.__proto__"/,
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Server Configuration → Replace Stations, Replace Callouts', () => {
	it('replaces the stations and the callouts with every item in one request each, as the pages show', async () => {
		const emulator = await emulatorWithUnits([]);
		await runServer(
			emulator,
			[
				{ name: 'Mission Row', x: 425.1, y: -979.2, doors: 'bay_1, bay_2' },
				{ name: 'Sandy Shores', x: 1850, y: 3680, doors: '' },
			],
			'replaceStations',
			{
				serverId: SERVER_2,
				stationName: '={{ $json.name }}',
				coordinateX: '={{ $json.x }}',
				coordinateY: '={{ $json.y }}',
				coordinateZ: 30.7,
				doors: '={{ $json.doors }}',
				tones: 'tone_station_open.mp3',
				unitPalette: '#2563eb, #ef4444',
			},
		);
		expect(emulator.bodiesTo(`${ON_2}/stations`)).toEqual([
			{
				locations: [
					{
						name: 'Mission Row',
						coordinates: { x: 425.1, y: -979.2, z: 30.7, w: 0 },
						doors: ['bay_1', 'bay_2'],
						icon: 'fas fa-building',
					},
					{
						name: 'Sandy Shores',
						coordinates: { x: 1850, y: 3680, z: 30.7, w: 0 },
						doors: [],
						icon: 'fas fa-building',
					},
				],
				tones: ['tone_station_open.mp3'],
				unitColors: ['#2563eb', '#ef4444'],
			},
		]);

		const callouts = await runServer(
			emulator,
			[{ id: 'armed_suspect' }, { id: 'fire' }],
			'replaceCallouts',
			{
				serverId: SERVER_2,
				calloutId: '={{ $json.id }}',
				calloutData: '={{ { CalloutName: $json.id, Enabled: true } }}',
			},
		);
		expect(emulator.bodiesTo(`${ON_2}/callouts`)).toEqual([
			{
				callouts: [
					{ id: 'armed_suspect', data: { CalloutName: 'armed_suspect', Enabled: true } },
					{ id: 'fire', data: { CalloutName: 'fire', Enabled: true } },
				],
			},
		]);
		expect(callouts.output.map((item) => item.json)).toEqual([
			{ serverId: 2, id: 'armed_suspect', callouts: 2 },
			{ serverId: 2, id: 'fire', callouts: 2 },
		]);
	});

	it('sends one request per server when the items name two servers', async () => {
		const emulator = await emulatorWithUnits([]);
		await runServer(
			emulator,
			[
				{ server: 1, id: 'a' },
				{ server: 2, id: 'b' },
				{ server: 1, id: 'c' },
			],
			'replaceCallouts',
			{
				serverId: { __rl: true, mode: 'id', value: '={{ $json.server }}' },
				calloutId: '={{ $json.id }}',
				calloutData: '{}',
			},
		);
		expect(emulator.bodiesTo('/v2/emergency/servers/1/callouts')).toEqual([
			{
				callouts: [
					{ id: 'a', data: {} },
					{ id: 'c', data: {} },
				],
			},
		]);
		expect(emulator.bodiesTo(`${ON_2}/callouts`)).toEqual([{ callouts: [{ id: 'b', data: {} }] }]);
	});
});
