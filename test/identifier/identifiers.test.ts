/**
 * Identifiers (callsigns), an account's units and its current call, through n8n-core against the
 * emulator, with the wire bodies the pages show.
 */
import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const ALICE = {
	uuid: 'a-1',
	username: 'AliceRP',
	communityUserId: 'cu-alice',
	discord: '228541962184122368',
};
const BOB = { uuid: 'b-2', username: 'BobRP', communityUserId: 'cu-bob', roblox: 4242 };

const runIdentifier = resourceRunner('identifier');
const runUnit = resourceRunner('unit');
const runCall = resourceRunner('call');
const IDENTIFIERS = (uuid: string) => `/v2/emergency/accounts/${uuid}/identifiers`;

async function community(): Promise<Emulator> {
	return await emulatorWithUnits([], { accounts: [ALICE, BOB] });
}

describe('Identifier → Create, Get, Update, Select, Delete', () => {
	it('creates an identifier with only the fields given, then lists it as selected', async () => {
		const emulator = await community();
		const created = await runIdentifier(emulator, [{ user: 'cu-alice' }], 'createIdentifier', {
			accountBy: 'communityUserId',
			account: '={{ $json.user }}',
			identifierFields: {
				unitNum: '1A-01',
				department: 'LSPD',
				status: 2,
				page: 0,
				isDispatch: false,
			},
		});
		expect(emulator.bodiesTo(IDENTIFIERS('a-1'))).toEqual([
			{ unitNum: '1A-01', department: 'LSPD', isDispatch: false, page: 0, status: 2 },
		]);
		const identId = created.output[0].json.identId;
		expect(created.output[0].json).toMatchObject({
			communityUserId: 'cu-alice',
			accountUuid: 'a-1',
			unitNum: '1A-01',
		});

		const listed = await runIdentifier(emulator, [{}], 'getIdentifiers', {
			accountBy: 'accountUuid',
			account: 'a-1',
		});
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				identId,
				unitNum: '1A-01',
				name: 'NO NAME',
				department: 'LSPD',
				status: 2,
				statusName: 'AVAILABLE',
				selected: true,
			}),
		]);
	});

	it('updates only the fields given, one request per row; the same row twice leaves the same identifier', async () => {
		const emulator = await community();
		const ident = emulator.people.createIdentifier('a-1', { unitNum: '1A-01', rank: 'Officer' });
		const row = { user: 'cu-alice', identId: ident.id, rank: 'Sergeant', unitNum: '2S-01' };
		const parameters = {
			accountBy: 'communityUserId',
			account: '={{ $json.user }}',
			identId: '={{ $json.identId }}',
			identifierFields: { rank: '={{ $json.rank }}', unitNum: '={{ $json.unitNum }}' },
		};
		await runIdentifier(emulator, [row], 'updateIdentifier', parameters);
		const again = await runIdentifier(emulator, [row], 'updateIdentifier', parameters);
		expect(emulator.bodiesTo(`${IDENTIFIERS('a-1')}/${ident.id}`)).toEqual([
			{ unitNum: '2S-01', rank: 'Sergeant' },
			{ unitNum: '2S-01', rank: 'Sergeant' },
		]);
		expect(emulator.people.identifiersOf('a-1').list).toHaveLength(1);
		expect(again.output[0].json).toMatchObject({
			identId: ident.id,
			unitNum: '2S-01',
			serverId: 1,
		});
	});

	it('refuses an update with no field, and a status that is not one, before sending', async () => {
		const emulator = await community();
		const { output } = await runIdentifier(
			emulator,
			[{ status: undefined }, { status: 7 }],
			'updateIdentifier',
			{
				accountBy: 'accountUuid',
				account: 'a-1',
				identId: 12,
				identifierFields: { status: '={{ $json.status ?? undefined }}' },
			},
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toBe('Item 1: no field to change');
		expect(itemError(output[1]).message).toMatch(
			/^Item 2: "Status" is "7", not one of 0, 1, 2, 3, 4, 100/,
		);
		expect(emulator.requests.filter((request) => request.method === 'PATCH')).toHaveLength(0);
	});

	it('selects and deletes identifiers, and says when one is not there', async () => {
		const emulator = await community();
		emulator.people.createIdentifier('b-2', { unitNum: 'B-1' });
		const second = emulator.people.createIdentifier('b-2', { unitNum: 'B-2' });
		const selected = await runIdentifier(emulator, [{}], 'selectIdentifier', {
			accountBy: 'roblox',
			account: '4242',
			identId: second.id,
		});
		expect(emulator.bodiesTo('/v2/emergency/accounts/b-2/selected-identifier')).toEqual([
			{ identId: second.id },
		]);
		expect(selected.output[0].json).toMatchObject({
			identId: second.id,
			selected: true,
			unitNum: 'B-2',
		});
		expect(emulator.people.identifiersOf('b-2').selected).toBe(second.id);

		const deleted = await runIdentifier(
			emulator,
			[{ id: second.id }, { id: 9999 }],
			'deleteIdentifier',
			{ accountBy: 'accountUuid', account: 'b-2', identId: '={{ $json.id }}' },
			'continueRegularOutput',
		);
		expect(deleted.output[0].json).toEqual({
			accountUuid: 'b-2',
			identId: second.id,
			deleted: true,
		});
		expect(deleted.output[1].json.error).toBe(
			'Sonoran CAD found no such account or identifier (HTTP 404): account b-2, unit 9999',
		);
		expect(emulator.people.identifiersOf('b-2').list.map((ident) => ident.data.unitNum)).toEqual([
			'B-1',
		]);
	});
});

describe('Identifier → Set Identifier Group', () => {
	it('puts the selected identifiers of community users into a group on a server', async () => {
		const emulator = await community();
		const alice = emulator.people.createIdentifier('a-1', { unitNum: 'A-1' });
		const bob = emulator.people.createIdentifier('b-2', { unitNum: 'B-1' });
		const { output } = await runIdentifier(emulator, [{}], 'setIdentifierGroup', {
			serverId: 1,
			groupName: 'CAR-51',
			membersBy: 'communityUserIds',
			members: 'cu-alice, cu-bob',
		});
		expect(emulator.bodiesTo('/v2/emergency/servers/1/identifier-groups/CAR-51')).toEqual([
			{ communityUserIds: ['cu-alice', 'cu-bob'] },
		]);
		expect([alice.data.group, bob.data.group]).toEqual(['CAR-51', 'CAR-51']);
		expect(output[0].json).toMatchObject({ serverId: 1, groupName: 'CAR-51', grouped: true });
	});

	it('refuses a group name of ".." before sending', async () => {
		const emulator = await community();
		const { output } = await runIdentifier(
			emulator,
			[{ group: '..' }],
			'setIdentifierGroup',
			{ serverId: 1, groupName: '={{ $json.group }}', membersBy: 'identIds', members: '12' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toMatch(/^Item 1: "Group Name" is "\.\."/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Unit → Get Account Units and Call → Get Current Call', () => {
	it('answers "is this member on duty?" with their units on a server', async () => {
		const emulator = await community();
		emulator.addUnits([
			{ apiId: 'STEAM:A', accId: 'a-1', unitNum: '1A-01' },
			{ apiId: 'STEAM:A2', accId: 'a-1', serverId: 2 },
		]);
		const { output } = await runUnit(
			emulator,
			[{ id: ALICE.discord }, { id: '111111111111111111' }],
			'getAccountUnits',
			{ serverId: 1, accountBy: 'discord', account: '={{ $json.id }}' },
			'continueRegularOutput',
		);
		expect(
			output.map((item) => [item.pairedItem, item.json.accountUuid ?? item.json.error]),
		).toEqual([
			[{ item: 0 }, 'a-1'],
			[
				{ item: 1 },
				'Sonoran CAD found no such account (HTTP 404): Discord ID 111111111111111111, server 1',
			],
		]);
		const [unitPath] = emulator.requests.filter((request) => request.path.endsWith('/units'));
		expect(unitPath.path).toBe('/v2/emergency/servers/1/accounts/a-1/units');
		expect(unitPath.query).toEqual({
			onlyOnline: 'true',
			onlyUnits: 'true',
			limit: '100',
			offset: '0',
		});
		expect(output[0].json).toMatchObject({
			serverId: 1,
			identId: expect.any(Number),
			status: 2,
			statusName: 'AVAILABLE',
		});
	});

	it("gives an account's current call, none when its unit is on no call, and the item's error when off duty", async () => {
		const emulator = await community();
		emulator.addUnits([
			{ apiId: 'STEAM:A', accId: 'a-1' },
			{ apiId: 'STEAM:B', accId: 'b-2' },
		]);
		const aliceUnit = emulator.activeUnits().find((unit) => unit.accId === 'a-1')!;
		const call = emulator.calls.createDispatch(1, { title: 'Robbery' }, [aliceUnit.id]);
		const { output } = await runCall(
			emulator,
			[{ user: 'cu-alice' }, { user: 'cu-bob' }, { user: 'nobody' }],
			'getCurrentCall',
			{ accountBy: 'communityUserId', account: '={{ $json.user }}' },
			'continueRegularOutput',
		);
		expect(output[0].json).toMatchObject({ accountUuid: 'a-1', callId: call.callId, onCall: true });
		expect(output[1].json).toMatchObject({ accountUuid: 'b-2', callId: null, onCall: false });
		expect(output[2].json.error).toBe(
			'Sonoran CAD found no such account (HTTP 404): community user ID nobody',
		);
	});
});
