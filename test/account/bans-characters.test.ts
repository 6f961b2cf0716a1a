import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runOperation,
	type Emulator,
} from '../support/fixtures';

const ALICE = {
	uuid: 'a-1',
	username: 'AliceRP',
	discord: '228541962184122368',
	communityUserId: 'cu-alice',
	apiIds: ['steam:110000112345678'],
};
const BOB = { uuid: 'b-2', username: 'BobRP', roblox: 4242, apiIds: ['license:bob'] };

const runAccount = resourceRunner('account');

async function community(settings: object = {}): Promise<Emulator> {
	return await emulatorWithUnits([], { accounts: [ALICE, BOB], ...settings });
}

/** A character record on an account, as Create Record with the Character template makes it. */
function character(emulator: Emulator, accountUuid: string, first: string) {
	const template = emulator.community.template(7);
	return emulator.community.createRecord(template, { first, last: 'Doe' }, accountUuid);
}

describe('Account → Ban and Unban', () => {
	it('bans by API ID through v1 BAN_USER: the v2 ban route takes no API ID', async () => {
		const emulator = await community();
		const { output } = await runAccount(emulator, [{ id: 'STEAM:110000112345678' }], 'ban', {
			accountBy: 'apiId',
			account: '={{ $json.id }}',
		});
		expect(output[0].json).toMatchObject({ apiId: 'STEAM:110000112345678', banned: true });
		expect([...emulator.community.bans]).toEqual(['a-1']);
		expect(emulator.requests.map((request) => request.path)).toEqual(['/general/ban_user']);
		expect(JSON.parse(emulator.requests[0].rawBody)).toMatchObject({
			type: 'BAN_USER',
			data: [{ apiId: 'STEAM:110000112345678', isBan: true }],
		});
	});

	it('refuses an identifier the operation does not offer (a hand-edited workflow), before sending', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{}],
			'ban',
			{ accountBy: 'username', account: 'BobRP' },
			'continueRegularOutput',
		);
		expect(output[0].json.error).toMatch(/^Item 1: "Account By" is "username", not one of/);
		expect(emulator.requests).toHaveLength(0);
	});

	it.each([
		['a Discord ID', 'discord', '228541962184122368', 'a-1'],
		['a Roblox ID', 'roblox', '4242', 'b-2'],
	])(
		'bans the account named by %s through v2 account-bans',
		async (_name, accountBy, account, uuid) => {
			const emulator = await community();
			const { output } = await runAccount(emulator, [{ id: account }], 'ban', {
				accountBy,
				account: '={{ $json.id }}',
			});
			expect(output[0].json).toMatchObject({ banned: true, accountUuid: uuid, action: 'BAN' });
			expect([...emulator.community.bans]).toEqual([uuid]);
			const [request] = emulator.bodiesTo('/v2/general/account-bans');
			expect(request).toEqual({
				[accountBy]: accountBy === 'roblox' ? 4242 : account,
				isBan: true,
			});
		},
	);

	it('fails only the item whose account is not in the community', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ id: 'nobody' }, { id: '228541962184122368' }],
			'ban',
			{ accountBy: 'discord', account: '={{ $json.id }}' },
			'continueRegularOutput',
		);
		expect(output[0].json.error).toBe(
			'Sonoran CAD found no such account (HTTP 404): Discord ID nobody',
		);
		expect(output[1].json).toMatchObject({ banned: true, accountUuid: 'a-1' });
	});

	it('lifts a ban by API ID through v1 BAN_USER (v2 has no unban route)', async () => {
		const emulator = await community();
		emulator.community.bans.add('a-1');
		const { output } = await runAccount(
			emulator,
			[{ apiId: 'steam:110000112345678' }, { apiId: 'steam:unknown' }],
			'unban',
			{ apiId: '={{ $json.apiId }}' },
			'continueRegularOutput',
		);
		expect(output[0].json).toEqual({
			apiId: 'steam:110000112345678',
			banned: false,
			answer: 'User Ban: a-1 Status: false',
		});
		expect(output[1].json.error).toBe(
			'Sonoran CAD found no such account with this API ID (HTTP 404): API ID steam:unknown',
		);
		expect(emulator.community.bans.size).toBe(0);
		const [request] = emulator.bodiesTo('/general/ban_user');
		expect(request).toEqual({
			id: emulator.communityId,
			key: emulator.apiKey,
			type: 'BAN_USER',
			data: [{ apiId: 'steam:110000112345678', isBan: false }],
		});
	});

	it('says which plan Unban needs when the community has less', async () => {
		const emulator = await community({ plan: 2 });
		const { errorOutput } = await runAccount(
			emulator,
			[{}],
			'unban',
			{ apiId: 'steam:110000112345678' },
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).description).toMatch(/needs the PLUS plan or higher/);
	});
});

describe('Account → Get Characters', () => {
	it("gives each of the account's characters as an item, paired to the input that asked", async () => {
		const emulator = await community();
		const jane = character(emulator, 'a-1', 'Jane');
		const john = character(emulator, 'a-1', 'John');
		character(emulator, 'b-2', 'Bobby');
		const { output } = await runAccount(emulator, [{ id: 'cu-alice' }], 'getCharacters', {
			accountBy: 'communityUserId',
			account: '={{ $json.id }}',
		});
		expect(output.map((item) => [item.json.characterId, item.pairedItem])).toEqual([
			[jane.id, { item: 0 }],
			[john.id, { item: 0 }],
		]);
		expect(output[0].json).toMatchObject({ recordTypeId: 7, type: 7, name: 'Character' });
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/v2/civilian/characters', { communityUserId: 'cu-alice' }],
		]);
	});

	it.each([
		['discord', '228541962184122368', 'a-1'],
		['roblox', '4242', 'b-2'],
	])(
		'reads characters by %s directly, as the page takes it (one request)',
		async (accountBy, id, uuid) => {
			const emulator = await community();
			const mine = character(emulator, uuid, 'Jane');
			const { output } = await runAccount(emulator, [{}], 'getCharacters', {
				accountBy,
				account: id,
			});
			expect(output.map((item) => item.json.characterId)).toEqual([mine.id]);
			expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
				['/v2/civilian/characters', { [accountBy]: id }],
			]);
		},
	);

	it('finds the account first for a username, which Get Characters does not take', async () => {
		const emulator = await community();
		const bob = character(emulator, 'b-2', 'Bob');
		const { output } = await runAccount(emulator, [{}], 'getCharacters', {
			accountBy: 'username',
			account: 'BobRP',
		});
		expect(output.map((item) => item.json.characterId)).toEqual([bob.id]);
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/v2/general/accounts/account', { username: 'BobRP' }],
			['/v2/civilian/characters', { accountUuid: 'b-2' }],
		]);
	});

	it('gives a character made with Record → Create Record and the Character template, and changed with Update Record', async () => {
		const emulator = await community();
		const character = { __rl: true, mode: 'id', value: '7' };
		const fields = (value: Record<string, string>) => ({
			mappingMode: 'defineBelow',
			value,
			matchingColumns: [],
			schema: [],
		});
		const created = await runOperation(emulator, [{}], ['record', 'create'], {
			templateId: character,
			accountBy: 'communityUserId',
			account: 'cu-alice',
			fields: fields({ first: 'Jane', last: 'Doe' }),
		});
		const recordId = created.output[0].json.recordId;
		await runOperation(emulator, [{}], ['record', 'update'], {
			recordId: String(recordId),
			templateId: character,
			fields: fields({ last: 'Smith' }),
		});
		const { output } = await runAccount(emulator, [{}], 'getCharacters', {
			accountBy: 'accountUuid',
			account: 'a-1',
		});
		expect(output).toHaveLength(1);
		expect(output[0].json.characterId).toBe(recordId);
		const values = (
			output[0].json.sections as Array<{ fields: Array<{ uid: string; value: string }> }>
		)
			.flatMap((part) => part.fields)
			.map((field) => [field.uid, field.value]);
		expect(values).toEqual([
			['first', 'Jane'],
			['last', 'Smith'],
			['dob', ''],
		]);
	});

	it('fails the item of an account that is not found', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{}],
			'getCharacters',
			{ accountBy: 'username', account: 'Nobody' },
			'continueRegularOutput',
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Sonoran CAD found no such account (HTTP 404): username Nobody',
		]);
	});
});
