/**
 * Characters and their Database Sync links through n8n-core against the emulator: select, delete,
 * and list, set and remove links, with the wire bodies the pages show.
 */
import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const ALICE = {
	uuid: 'a-1',
	username: 'AliceRP',
	communityUserId: 'cu-alice',
	discord: '228541962184122368',
};
const runAccount = resourceRunner('account');
const LINK = (syncId: string) => `/v2/civilian/character-links/${encodeURIComponent(syncId)}`;

async function community(): Promise<Emulator> {
	return await emulatorWithUnits([], { accounts: [ALICE] });
}

function character(emulator: Emulator, first: string) {
	return emulator.community.createRecord(
		emulator.community.template(7),
		{ first, last: 'Doe' },
		'a-1',
	);
}

describe('Account → Select Character and Delete Character', () => {
	it("selects one of the player's characters, then deletes it", async () => {
		const emulator = await community();
		const jane = character(emulator, 'Jane');
		const selected = await runAccount(emulator, [{ id: jane.id }], 'selectCharacter', {
			accountBy: 'discord',
			account: ALICE.discord,
			characterId: '={{ $json.id }}',
		});
		expect(emulator.bodiesTo('/v2/civilian/selected-character')).toEqual([
			{ discord: ALICE.discord, characterId: String(jane.id) },
		]);
		expect(selected.output[0].json).toMatchObject({
			accountUuid: 'a-1',
			characterId: String(jane.id),
			selected: true,
		});

		const deleted = await runAccount(
			emulator,
			[{ id: jane.id }, { id: 99999 }],
			'deleteCharacter',
			{ characterId: '={{ $json.id }}' },
			'continueRegularOutput',
		);
		expect(deleted.output[0].json).toEqual({ characterId: jane.id, deleted: true });
		expect(deleted.output[1].json.error).toBe(
			'Sonoran CAD found no such character or account (HTTP 404): character 99999',
		);
		expect(emulator.community.charactersOf('a-1')).toHaveLength(0);
	});
});

describe('Account → character links (Database Sync)', () => {
	it('sets links, lists them, and removes one; a link not there is the item’s error', async () => {
		const emulator = await community();
		const link = (operation: string, syncId: string, onError?: 'continueRegularOutput') =>
			runAccount(
				emulator,
				[{}],
				operation,
				{ accountBy: 'communityUserId', account: 'cu-alice', syncId },
				onError,
			);
		const set = await link('setCharacterLink', 'citizen:1234');
		await link('setCharacterLink', 'citizen:5678');
		expect(emulator.bodiesTo(LINK('citizen:1234'))).toEqual([{ communityUserId: 'cu-alice' }]);
		expect(set.output[0].json).toMatchObject({
			accountUuid: 'a-1',
			syncId: 'citizen:1234',
			action: 'ADD',
			linked: true,
		});

		const listed = await runAccount(emulator, [{}], 'getCharacterLinks', {
			accountBy: 'communityUserId',
			account: 'cu-alice',
		});
		expect(listed.output.map((item) => item.json.syncId)).toEqual(['citizen:1234', 'citizen:5678']);

		const removed = await link('removeCharacterLink', 'citizen:1234');
		expect(removed.output[0].json).toMatchObject({ action: 'REMOVE', linked: false });
		const gone = await link('removeCharacterLink', 'citizen:1234', 'continueRegularOutput');
		expect(gone.output[0].json.error).toBe(
			'Sonoran CAD found no such account or character link (HTTP 404): community user ID cu-alice, link citizen:1234',
		);
		expect(emulator.people.characterLinks.get('a-1')).toEqual(['citizen:5678']);
	});

	it('refuses a Sync ID of ".." before sending', async () => {
		const emulator = await community();
		const { output } = await runAccount(
			emulator,
			[{ syncId: '..' }],
			'setCharacterLink',
			{ accountBy: 'communityUserId', account: 'cu-alice', syncId: '={{ $json.syncId }}' },
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toMatch(/^Item 1: "Sync ID" is "\.\."/);
		expect(emulator.requests).toHaveLength(0);
	});
});
