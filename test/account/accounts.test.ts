import type { INodeExecutionData } from 'n8n-workflow';

import { requestsTo } from '../support/editor';
import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runError,
	runSteps,
	UNPACED,
} from '../support/fixtures';

const ALICE = {
	uuid: '11111111-1111-1111-1111-111111111111',
	username: 'AliceRP',
	discord: '228541962184122368',
	roblox: 1001,
	communityUserId: 'license:abc',
};
const BOB = { uuid: '22222222-2222-2222-2222-222222222222', username: 'BobTheCop' };

async function community(accounts: object[] = [ALICE, BOB], settings: object = {}) {
	return await emulatorWithUnits([], { accounts, ...settings });
}

const runAccount = resourceRunner('account');

const jsonOf = (output: INodeExecutionData[]) => output.map((item) => item.json);

describe('Account → Get Account', () => {
	it.each([
		['discord', '={{ $json.discordId }}', { discordId: ALICE.discord }, 'discord', ALICE.discord],
		['roblox', '={{ $json.robloxId }}', { robloxId: '1001' }, 'roblox', '1001'],
		['communityUserId', 'license:abc', {}, 'communityUserId', 'license:abc'],
		['accountUuid', ALICE.uuid, {}, 'accountUuid', ALICE.uuid],
		['username', 'AliceRP', {}, 'username', 'AliceRP'],
	])('finds the account by %s', async (accountBy, account, item, field, sent) => {
		const emulator = await community();

		const { output } = await runAccount(emulator, [item], 'get', { accountBy, account });

		expect(output[0].json).toMatchObject({ uuid: ALICE.uuid, username: 'AliceRP', status: 1 });
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const [request] = requestsTo(emulator, '/v2/general/accounts/account');
		expect(request.query).toEqual({ [field]: sent });
		expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
	});

	it("makes an account not found that item's error, on the error output, the others found", async () => {
		const emulator = await community();

		const { output, errorOutput } = await runAccount(
			emulator,
			[{ id: ALICE.discord }, { id: '999' }],
			'get',
			{ accountBy: 'discord', account: '={{ $json.id }}' },
			'continueErrorOutput',
		);

		expect(jsonOf(output).map((account) => account.username)).toEqual(['AliceRP']);
		expect(errorOutput).toHaveLength(1);
		expect(errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(itemError(errorOutput[0])).toEqual({
			message: 'Sonoran CAD found no such account (HTTP 404)',
			description: expect.stringContaining('linked it to their Sonoran account'),
		});
	});

	it('refuses an empty ID and a Discord ID that lost digits as a number, naming item and field', async () => {
		const emulator = await community();

		const { output } = await runAccount(
			emulator,
			[{ id: '' }, { id: 228541962184122368 }, { id: ALICE.discord }],
			'get',
			{ accountBy: 'discord', account: '={{ $json.id }}' },
			'continueRegularOutput',
		);

		expect(itemError(output[0]).message).toBe('Item 1: "Discord User ID" is empty');
		expect(itemError(output[1]).message).toMatch(/^Item 2: "Discord User ID" is the number/);
		expect(output[2].json.username).toBe('AliceRP');
		expect(requestsTo(emulator, '/v2/general/accounts/account')).toHaveLength(1);
	});

	it('refuses a Roblox ID that is not a number before anything is sent', async () => {
		const emulator = await community();

		const { run } = await runAccount(emulator, [{}], 'get', {
			accountBy: 'roblox',
			account: 'builderman',
		});

		expect(runError(run)?.message).toBe(
			'Item 1: "Roblox User ID" must be a whole number of 0 or more, not "builderman"',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Account → Get Accounts', () => {
	it("lets a later node read $('Webhook Items').item after identical listings", async () => {
		const emulator = await community();

		const { run, output } = await runSteps(
			emulator,
			[{ who: ALICE.discord }, { who: ALICE.discord }],
			[
				{
					name: 'Accounts',
					parameters: { resource: 'account', operation: 'getMany', returnAll: true, ...UNPACED },
				},
				{
					name: 'Account',
					parameters: {
						resource: 'account',
						operation: 'get',
						accountBy: 'discord',
						account: "={{ $('Webhook Items').item.json.who }}",
						...UNPACED,
					},
				},
			],
		);

		expect(run.data.resultData.error).toBeUndefined();
		// Two accounts for each of the two items, each paired to its item, then one lookup each.
		expect(output).toHaveLength(4);
		expect(output.every((item) => item.json.username === ALICE.username)).toBe(true);
	});

	const many = (count: number) =>
		Array.from({ length: count }, (_, i) => ({ username: `Member${String(i).padStart(3, '0')}` }));

	it('returns all accounts page by page (100 a page), one item per account', async () => {
		const emulator = await community(many(230));

		const { output } = await runAccount(emulator, [{}], 'getMany', { returnAll: true });

		expect(output).toHaveLength(230);
		expect(new Set(output.map((item) => item.json.username)).size).toBe(230);
		expect(requestsTo(emulator, '/v2/general/accounts').map((r) => r.query)).toEqual([
			{ limit: '100', offset: '0', status: '1' },
			{ limit: '100', offset: '100', status: '1' },
			{ limit: '100', offset: '200', status: '1' },
		]);
	});

	it('goes on after a short page while pagination.total says more remain', async () => {
		const emulator = await community(many(3));
		const first = { uuid: 'x-0', username: 'Member000' };
		// Sonoran may answer fewer than asked (a page it trimmed) while its total counts on.
		emulator.queueFault({
			path: '/v2/general/accounts',
			status: 200,
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ pagination: { limit: 100, offset: 0, total: 3 }, accounts: [first] }),
		});

		const { output } = await runAccount(emulator, [{}], 'getMany', { returnAll: true });

		expect(requestsTo(emulator, '/v2/general/accounts').map((r) => r.query.offset)).toEqual([
			'0',
			'1',
		]);
		expect(output.map((item) => item.json.username)).toEqual([
			'Member000',
			'Member001',
			'Member002',
		]);
	});

	it('stops at the limit, asking only for what is left', async () => {
		const emulator = await community(many(230));

		const { output } = await runAccount(emulator, [{}], 'getMany', { limit: 150 });

		expect(output).toHaveLength(150);
		expect(requestsTo(emulator, '/v2/general/accounts').map((r) => r.query.limit)).toEqual([
			'100',
			'50',
		]);
	});

	it('filters by username and status, and asks once for items that ask the same', async () => {
		const emulator = await community([
			...many(3),
			{ username: 'BannedGuy', status: 4 },
			{ username: 'BannedGal', status: 4 },
		]);

		const { output } = await runAccount(emulator, [{}, {}], 'getMany', {
			returnAll: true,
			accountStatus: 4,
			filters: { username: 'gal' },
		});

		expect(jsonOf(output).map((account) => account.username)).toEqual(['BannedGal', 'BannedGal']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requestsTo(emulator, '/v2/general/accounts')).toHaveLength(1);
		expect(requestsTo(emulator, '/v2/general/accounts')[0].query).toMatchObject({
			status: '4',
			username: 'gal',
		});
	});
});

describe('Account → Create Link Code and Check Link', () => {
	it('creates a code per item with the URL to send the player to, and sees the link once made', async () => {
		const emulator = await community();
		const players = [{ discordId: '3001' }, { discordId: '3002' }];

		const created = await runAccount(emulator, players, 'createLinkCode', {
			communityUserId: '=discord:{{ $json.discordId }}',
		});

		expect(jsonOf(created.output)).toEqual([
			expect.objectContaining({
				communityUserId: 'discord:3001',
				code: expect.stringMatching(/^[0-9A-F]{4}$/),
				expiresInSeconds: 600,
				linkUrl: expect.stringMatching(/^https:\/\/sonorancad\.com\/id\?code=[0-9A-F]{4}$/),
			}),
			expect.objectContaining({ communityUserId: 'discord:3002' }),
		]);
		expect(emulator.bodiesTo('/v2/general/links')).toEqual([
			{ communityUserId: 'discord:3001' },
			{ communityUserId: 'discord:3002' },
		]);

		// The first player opens the URL and signs in as Bob.
		emulator.community.completeLink(created.output[0].json.code, BOB.uuid);
		const checked = await runAccount(emulator, players, 'checkLink', {
			communityUserId: '=discord:{{ $json.discordId }}',
		});

		expect(jsonOf(checked.output)).toEqual([
			{ communityUserId: 'discord:3001', linked: true, accountUuid: BOB.uuid },
			{ communityUserId: 'discord:3002', linked: false, accountUuid: null },
		]);
	});

	it('refuses an empty community user ID, naming the item', async () => {
		const emulator = await community();

		const { output } = await runAccount(
			emulator,
			[{ id: '' }],
			'createLinkCode',
			{ communityUserId: '={{ $json.id }}' },
			'continueRegularOutput',
		);

		expect(itemError(output[0]).message).toBe('Item 1: "Community User ID" is empty');
		expect(emulator.requests).toHaveLength(0);
	});
});
