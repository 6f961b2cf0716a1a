/**
 * Set Link, Verify Secret and Send Photo through n8n-core against the emulator, with the wire
 * bodies the pages show; the secret never reaches an output item.
 */
import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const SECRET = '22222222-2222-2222-2222-222222222222';
const ALICE = { uuid: '11111111-1111-1111-1111-111111111111', username: 'AliceRP', secret: SECRET };
const BOB = { uuid: 'b-2', username: 'BobRP', communityUserId: 'fivem:12345' };
const runAccount = resourceRunner('account');

async function community(): Promise<Emulator> {
	return await emulatorWithUnits([], { accounts: [ALICE, BOB] });
}

describe('Account → Set Link', () => {
	it('links the account to the in-game ID, moving it from another account', async () => {
		const emulator = await community();
		const { output } = await runAccount(emulator, [{}], 'setLink', {
			accountUuid: ALICE.uuid,
			secretUuid: SECRET,
			communityUserId: 'fivem:12345',
		});
		expect(emulator.bodiesTo('/v2/general/links/set')).toEqual([
			{ accountUuid: ALICE.uuid, secretUuid: SECRET, communityUserId: 'fivem:12345' },
		]);
		expect(output[0].json).toEqual({
			accountUuid: ALICE.uuid,
			communityUserId: 'fivem:12345',
			linked: true,
		});
		expect(emulator.community.findAccount('communityUserId', 'fivem:12345')?.uuid).toBe(ALICE.uuid);
	});

	it("fails only the item whose secret does not match (403 is the item's, not the plan's)", async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ secret: 'wrong' }, { secret: SECRET }],
			'setLink',
			{ accountUuid: ALICE.uuid, secretUuid: '={{ $json.secret }}', communityUserId: 'fivem:777' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toBe(
			'Sonoran CAD refused the link: the account UUID and the secret do not match (HTTP 403): community user ID fivem:777, account 11111111-1111-1111-1111-111111111111',
		);
		expect(output[1].json).toMatchObject({ linked: true, communityUserId: 'fivem:777' });
		expect(JSON.stringify(output)).not.toContain(SECRET);
	});
});

describe('Account → Verify Secret', () => {
	it("gives the secret's account UUID, never the secret", async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ secret: SECRET }, { secret: '33333333-3333-3333-3333-333333333333' }],
			'verifySecret',
			{ secret: '={{ $json.secret }}' },
			'continueRegularOutput',
		);
		expect(emulator.bodiesTo('/v2/general/secrets/verify')[0]).toEqual({ secret: SECRET });
		expect(output[0].json).toEqual({ verified: true, accountUuid: ALICE.uuid });
		expect(output[1].json.error).toBe(
			'Sonoran CAD found no such account with this secret (HTTP 404)',
		);
		expect(JSON.stringify(output[0])).not.toContain(SECRET);
	});
});

describe('Account → Send Photo', () => {
	it('shows the photo once, and after an unclear answer does not show it again', async () => {
		const emulator = await community();
		const url = 'https://cdn.example.com/mugshots/1234.png';
		const { output } = await runAccount(emulator, [{}], 'sendPhoto', {
			communityUserId: 'fivem:12345',
			url,
		});
		expect(emulator.bodiesTo('/v2/general/photos')).toEqual([
			{ communityUserId: 'fivem:12345', url },
		]);
		expect(output[0].json).toMatchObject({
			communityUserId: 'fivem:12345',
			url,
			sent: true,
			delivered: 1,
		});

		emulator.queueFault({ path: '/v2/general/photos', applied: true, status: 502 });
		const unclear = await runAccount(
			emulator,
			[{}],
			'sendPhoto',
			{ communityUserId: 'fivem:12345', url },
			'continueRegularOutput',
		);
		expect(emulator.people.photos).toHaveLength(2);
		expect(itemError(unclear.output[0]).description).toMatch(/may have been applied all the same/);
	});

	it('refuses a photo that is not an http(s) URL before sending', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{}],
			'sendPhoto',
			{ communityUserId: 'fivem:12345', url: 'file:///etc/passwd' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toMatch(
			/^Item 1: "Photo URL" is "file:\/\/\/etc\/passwd", not an http\(s\) URL/,
		);
		expect(emulator.requests).toHaveLength(0);
	});
});
