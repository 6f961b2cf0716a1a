/**
 * Account permissions through n8n-core against the emulator: the catalog, an account's grants,
 * replacing them (checked against the catalog first), the legacy flags and permission keys, with
 * the wire bodies the pages show.
 */
import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const ALICE = {
	uuid: 'a-1',
	username: 'AliceRP',
	discord: '228541962184122368',
	communityUserId: 'cu-alice',
	permissions: { civilian: true, police: true },
};
const BOB = { uuid: 'b-2', username: 'BobRP', roblox: 4242, permissions: { civilian: true } };
const OWNER = { uuid: 'o-0', username: 'Owner', communityUserId: 'cu-owner', owner: true };

const runAccount = resourceRunner('account');
const PERMISSIONS = (uuid: string) => `/v2/general/permissions/accounts/${uuid}`;

async function community(): Promise<Emulator> {
	return await emulatorWithUnits([], { accounts: [ALICE, BOB, OWNER] });
}

const requestLines = (emulator: Emulator) =>
	emulator.requests.map((request) => `${request.method} ${request.path}`);

describe('Account → Get Permission Catalog', () => {
	it('gives one item per grant with the legacy flags that include it, from one request for all items', async () => {
		const emulator = await community();
		const { output } = await runAccount(emulator, [{}, {}], 'getPermissionCatalog', {});
		expect(requestLines(emulator)).toEqual(['GET /v2/general/permissions/catalog']);
		const police = output.find((item) => item.json.grantId === 'global.police');
		expect(police?.json).toEqual({
			grantId: 'global.police',
			label: 'police',
			templateId: null,
			templateName: null,
			action: 'police',
			legacyFlags: ['POLICE'],
		});
		const licenseRead = output.find((item) => item.json.grantId === 'record.4.read');
		expect(licenseRead?.json).toMatchObject({ templateId: 4, templateName: 'License' });
		// Each input item gets the whole catalog, paired to itself.
		const half = output.length / 2;
		expect(
			output.slice(0, half).every((item) => (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
		expect(
			output.slice(half).every((item) => (item.pairedItem as { item: number }).item === 1),
		).toBe(true);
	});
});

describe('Account → Get Permissions', () => {
	it('finds the account by Discord, then reads its grants by UUID', async () => {
		const emulator = await community();
		const { output } = await runAccount(emulator, [{ id: ALICE.discord }], 'getPermissions', {
			accountBy: 'discord',
			account: '={{ $json.id }}',
		});
		expect(requestLines(emulator)).toEqual([
			'GET /v2/general/accounts/account',
			`GET ${PERMISSIONS('a-1')}`,
		]);
		expect(output[0].json).toEqual({
			discord: ALICE.discord,
			accountUuid: 'a-1',
			grants: ['global.civilian', 'global.police', 'record.4.read', 'record.5.read'],
			version: 2,
			owner: false,
			migrated: true,
			status: 1,
			statusName: 'active',
		});
	});

	it('a failed read is the item’s error, never an empty grant list', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{}],
			'getPermissions',
			{ accountBy: 'accountUuid', account: 'nobody' },
			'continueRegularOutput',
		);
		expect(output[0].json.error).toBe(
			'Sonoran CAD found no such account (HTTP 404): account nobody',
		);
		expect(output[0].json.grants).toBeUndefined();
	});
});

describe('Account → Replace Permissions', () => {
	const replace = (grants: unknown, extra: object = {}) => ({
		accountBy: 'communityUserId',
		account: '={{ $json.user }}',
		grants,
		...extra,
	});

	it('sends the whole list as the page shows it, and the emulator holds exactly those grants', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ user: 'cu-alice' }],
			'replacePermissions',
			replace(['global.dispatch', 'record.4.read', 'global.dispatch']),
		);
		expect(emulator.bodiesTo(PERMISSIONS('a-1'))).toEqual([
			{ version: 2, grants: ['global.dispatch', 'record.4.read'] },
		]);
		expect(emulator.people.grants.get('a-1')).toEqual(['global.dispatch', 'record.4.read']);
		expect(output[0].json).toMatchObject({
			communityUserId: 'cu-alice',
			accountUuid: 'a-1',
			grants: ['global.dispatch', 'record.4.read'],
			cleared: false,
		});
	});

	it('takes the grants from an expression as a list or as text separated by commas', async () => {
		const emulator = await community();
		await runAccount(
			emulator,
			[{ user: 'cu-alice', roles: 'global.police, record.5.read' }],
			'replacePermissions',
			replace('={{ $json.roles }}'),
		);
		expect(emulator.people.grants.get('a-1')).toEqual(['global.police', 'record.5.read']);
	});

	it('refuses a grant that is not in the catalog before sending anything for that account', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ user: 'cu-alice' }, { user: 'cu-owner' }],
			'replacePermissions',
			replace(['global.police', 'record.99.read']),
			'continueRegularOutput',
		);
		expect(itemError(output[0])).toEqual({
			message:
				"The grant record.99.read is not in the community's permission catalog: community user ID cu-alice",
			description: expect.stringMatching(
				/^Nothing was sent for this account: .*Get Permission Catalog\.$/,
			),
		});
		expect(emulator.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
		// The catalog was read once for the execution; the second item hit the same check.
		expect(requestLines(emulator).filter((line) => line.endsWith('/catalog'))).toHaveLength(1);
	});

	it('refuses an empty list unless Allow No Grants is on; then the member becomes pending', async () => {
		const emulator = await community();
		const refused = await runAccount(
			emulator,
			[{ user: 'cu-alice' }],
			'replacePermissions',
			replace('={{ [] }}'),
			'continueRegularOutput',
		);
		expect(itemError(refused.output[0]).message).toMatch(/^Item 1: "Grants" is empty/);
		expect(emulator.requests).toHaveLength(0);

		const cleared = await runAccount(
			emulator,
			[{ user: 'cu-alice' }],
			'replacePermissions',
			replace('={{ [] }}', { allowNoGrants: true }),
		);
		expect(emulator.bodiesTo(PERMISSIONS('a-1'))).toEqual([{ version: 2, grants: [] }]);
		expect(cleared.output[0].json).toMatchObject({ grants: [], cleared: true });
		expect(emulator.community.findAccount('uuid', 'a-1')?.status).toBe(0);
	});

	it("fails the owner's item with Sonoran's 400, and still replaces the others", async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ user: 'cu-owner' }, { user: 'cu-alice' }],
			'replacePermissions',
			replace(['global.police']),
			'continueRegularOutput',
		);
		expect(output[0].json.error).toMatch(/owner's permissions cannot be edited/);
		expect(output[1].json).toMatchObject({ accountUuid: 'a-1', grants: ['global.police'] });
	});
});

describe('Account → Modify Permissions and Apply Permission Key', () => {
	it('adds and removes legacy flags and sets the membership, with the body the page shows', async () => {
		const emulator = await community();
		const { output } = await runAccount(emulator, [{}], 'modifyPermissions', {
			accountBy: 'communityUserId',
			account: 'cu-alice',
			add: 'dispatch, LIVE_MAP',
			remove: '={{ ["CIVILIAN"] }}',
			active: 'active',
		});
		expect(emulator.bodiesTo('/v2/general/accounts/permissions')).toEqual([
			{
				communityUserId: 'cu-alice',
				add: ['DISPATCH', 'LIVE_MAP'],
				remove: ['CIVILIAN'],
				active: true,
			},
		]);
		expect(output[0].json).toMatchObject({
			accountUuid: 'a-1',
			permissions: { dispatch: true, liveMap: true, civilian: false, police: true },
			active: true,
		});
	});

	it('refuses an item that changes nothing, and a flag that is not one', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ add: '' }, { add: 'police-chief!' }],
			'modifyPermissions',
			{ accountBy: 'communityUserId', account: 'cu-alice', add: '={{ $json.add }}' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toBe('Item 1: nothing to change');
		expect(itemError(output[1]).message).toMatch(/^Item 2: "Add" holds "POLICE-CHIEF!"/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('applies a permission key once, and after an unclear answer does not apply it again', async () => {
		const emulator = await community();
		const path = '/v2/general/permission-keys/applications';
		const applied = await runAccount(emulator, [{}], 'applyPermissionKey', {
			accountBy: 'discord',
			account: ALICE.discord,
			permissionKey: 'DISPATCH-KEY',
		});
		expect(emulator.bodiesTo(path)).toEqual([
			{ discord: ALICE.discord, permissionKey: 'DISPATCH-KEY' },
		]);
		expect(applied.output[0].json).toMatchObject({
			accountUuid: 'a-1',
			message: 'Permission key applied.',
		});

		emulator.queueFault({ path, applied: true, drop: true });
		const unclear = await runAccount(
			emulator,
			[{}],
			'applyPermissionKey',
			{ accountBy: 'roblox', account: '4242', permissionKey: 'DISPATCH-KEY' },
			'continueRegularOutput',
		);
		expect(emulator.state.appliedKeys).toHaveLength(2);
		expect(emulator.bodiesTo(path)).toHaveLength(2);
		expect(itemError(unclear.output[0]).description).toMatch(
			/may have been applied all the same, so it was not sent again/,
		);
		expect(JSON.stringify(unclear.output)).not.toContain('DISPATCH-KEY');
	});
});
