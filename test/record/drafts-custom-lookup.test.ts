/**
 * Record drafts (a prefilled report opened in a player's CAD) and lookups by a custom field,
 * through n8n-core against the emulator, with the pages' wire bodies.
 */
import { emulatorWithUnits, itemError, resourceRunner } from '../support/fixtures';

const ALICE = { uuid: 'a-1', username: 'AliceRP', communityUserId: 'player-1234' };
const LICENSE = { __rl: true, mode: 'list', value: '4', cachedResultName: 'License' };
const runRecord = resourceRunner('record');
const DRAFTS = '/v2/general/record-drafts';

const mapped = (value: Record<string, unknown>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
});

describe('Record → Send Record Draft', () => {
	it("sends {recordTypeId, replaceValues, communityUserId} and returns the draft with the item's values", async () => {
		const emulator = await emulatorWithUnits([], { accounts: [ALICE] });
		const { output } = await runRecord(
			emulator,
			[{ first: 'John', last: 'Doe', user: 'player-1234' }],
			'sendDraft',
			{
				templateId: LICENSE,
				fields: mapped({ first: '={{ $json.first }}', last: '={{ $json.last }}' }),
				accountBy: 'communityUserId',
				account: '={{ $json.user }}',
			},
		);
		expect(emulator.bodiesTo(DRAFTS)).toEqual([
			{
				recordTypeId: 4,
				replaceValues: { first: 'John', last: 'Doe' },
				communityUserId: 'player-1234',
			},
		]);
		expect(output[0].json).toMatchObject({
			communityUserId: 'player-1234',
			recordTypeId: 4,
			name: 'License',
		});
		expect(emulator.configuration.drafts).toEqual([
			expect.objectContaining({ accountUuid: 'a-1' }),
		]);
	});

	it("builds a draft without a player when asked; an unknown player is the item's error", async () => {
		const emulator = await emulatorWithUnits([], { accounts: [ALICE] });
		const { output } = await runRecord(
			emulator,
			[{ user: 'player-1234' }, { user: 'stranger' }],
			'sendDraft',
			{
				templateId: LICENSE,
				fields: mapped({ first: 'Jane' }),
				sendToPlayer: '={{ $json.user === "player-1234" ? false : true }}',
				accountBy: 'communityUserId',
				account: '={{ $json.user }}',
			},
			'continueRegularOutput',
		);
		expect(emulator.bodiesTo(DRAFTS)).toEqual([
			{ recordTypeId: 4, replaceValues: { first: 'Jane' } },
			{ recordTypeId: 4, replaceValues: { first: 'Jane' }, communityUserId: 'stranger' },
		]);
		expect(output[0].json.sections).toBeDefined();
		expect(itemError(output[1]).message).toBe(
			'Sonoran CAD found no such record template or account (HTTP 404): community user ID stranger',
		);
		expect(emulator.configuration.drafts).toEqual([]);
	});
});

describe('Record → Lookup by Custom Field', () => {
	it('sends {map, value, types, partial} and returns each record found, with its values', async () => {
		const emulator = await emulatorWithUnits([]);
		const template = emulator.community.template(4)!;
		template.sections[1].fields.push({ label: 'License Number', value: '', uid: 'licenseNumber' });
		emulator.community.createRecord(template, { first: 'John', licenseNumber: 'D1234567' }, 'a-1');
		emulator.community.createRecord(template, { first: 'Jane', licenseNumber: 'D7654321' }, 'a-2');

		const { output } = await runRecord(
			emulator,
			[{ dl: 'D1234567' }, { dl: 'X0' }],
			'lookupCustom',
			{
				map: 'drivers_license',
				value: '={{ $json.dl }}',
				types: '4',
			},
		);
		expect(emulator.bodiesTo('/v2/general/lookups/custom')).toEqual([
			{ map: 'drivers_license', value: 'D1234567', types: [4], partial: false },
			{ map: 'drivers_license', value: 'X0', types: [4], partial: false },
		]);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ values: { first: 'John', licenseNumber: 'D1234567' } });
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it("makes an unknown mapping the item's error, naming the mapping to check", async () => {
		const emulator = await emulatorWithUnits([]);
		const { output } = await runRecord(
			emulator,
			[{}],
			'lookupCustom',
			{ map: 'vin', value: '123' },
			'continueRegularOutput',
		);
		expect(itemError(output[0])).toMatchObject({
			message: 'Sonoran CAD found no such custom lookup mapping (HTTP 404)',
			description: expect.stringMatching(/Check Mapping/),
		});
	});
});
