import type { INodeExecutionData } from 'n8n-workflow';

import { editorFor, requestsTo } from '../support/editor';
import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runSteps,
	UNPACED,
} from '../support/fixtures';

const ALICE = { uuid: 'a-1', username: 'AliceRP', discord: '228541962184122368' };
const LICENSE = { __rl: true, mode: 'list', value: '4', cachedResultName: 'License' };

async function community() {
	return await emulatorWithUnits([], { accounts: [ALICE] });
}

const runRecord = resourceRunner('record');

const mapped = (value: Record<string, unknown>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
});

describe('Record → Create Record: the editor', () => {
	it("lists the community's templates with their kind, filtered as typed, read once a minute", async () => {
		const emulator = await community();
		const editor = editorFor(emulator, { resource: 'record', operation: 'create' });

		const all = await editor.listSearch('searchRecordTemplates');
		const registrations = await editor.listSearch('searchRecordTemplates', 'vehicle');

		expect(all.results).toEqual([
			{ name: 'License', value: '4' },
			{ name: 'Vehicle Registration', value: '5' },
			{ name: 'BOLO', value: '3' },
			{ name: 'Warrant', value: '2' },
			{ name: 'Character', value: '7' },
			{ name: 'Incident Report (Police Report)', value: '12' },
		]);
		expect(registrations.results).toEqual([{ name: 'Vehicle Registration', value: '5' }]);
		expect(requestsTo(emulator, '/v2/general/templates')).toHaveLength(1);
	});

	it("maps the chosen template's fields by label, keyed by their uid", async () => {
		const emulator = await community();
		const editor = editorFor(emulator, {
			resource: 'record',
			operation: 'create',
			templateId: LICENSE,
		});

		const { fields } = await editor.resourceMapping('getTemplateFields');

		expect(fields.map((field) => [field.id, field.displayName])).toEqual([
			['first', 'First Name'],
			['last', 'Last Name'],
			['dob', 'Date of Birth'],
			['licenseType', 'License Type'],
			['licenseStatus', 'Status'],
			['expiration', 'Expiration'],
		]);
		expect(fields.every((field) => field.type === 'string' && field.display)).toBe(true);
		expect(requestsTo(emulator, '/v2/general/templates/4')).toHaveLength(1);
	});

	it('tells apart fields that share a label by their section, and lists a uid once', async () => {
		const emulator = await community();
		emulator.community.templates.push({
			recordTypeId: 40,
			id: 0,
			name: 'Dual Report',
			type: 9,
			sections: [
				{ category: 0, label: 'Suspect', fields: [{ label: 'Name', value: '', uid: 'suspect' }] },
				{
					category: 0,
					label: 'Victim',
					fields: [
						{ label: 'Name', value: '', uid: 'victim' },
						{ label: 'Again', value: '', uid: 'suspect' },
					],
				},
			],
		});
		const editor = editorFor(emulator, {
			resource: 'record',
			operation: 'create',
			templateId: { __rl: true, mode: 'id', value: '40' },
		});

		const { fields } = await editor.resourceMapping('getTemplateFields');

		expect(fields.map((field) => field.displayName)).toEqual(['Name (Suspect)', 'Name (Victim)']);
	});

	it('says what is wrong when the template is unknown', async () => {
		const emulator = await community();
		const editor = editorFor(emulator, {
			resource: 'record',
			operation: 'create',
			templateId: { __rl: true, mode: 'id', value: '99' },
		});

		await expect(editor.resourceMapping('getTemplateFields')).rejects.toMatchObject({
			message: 'Sonoran CAD found no such record template (HTTP 404)',
		});
	});
});

describe('Record → Create Record', () => {
	const licence = {
		templateId: LICENSE,
		accountBy: 'discord',
		account: '={{ $json.discordId }}',
		fields: mapped({
			first: '={{ $json.first }}',
			last: '={{ $json.last }}',
			licenseType: 'Class C',
			expiration: '={{ $json.expires }}',
		}),
	};

	it("creates one record per item from the template, its fields filled from the item's mapped values", async () => {
		const emulator = await community();
		const items = [
			{ discordId: ALICE.discord, first: 'Alice', last: 'Rivers', expires: 2027 },
			{ discordId: ALICE.discord, first: 'Al', last: 'Rivers', expires: '' },
		];

		const { output } = await runRecord(emulator, items, 'create', licence);

		expect(emulator.bodiesTo('/v2/general/records')).toEqual([
			{
				discord: ALICE.discord,
				useDictionary: true,
				recordTypeId: 4,
				replaceValues: {
					first: 'Alice',
					last: 'Rivers',
					licenseType: 'Class C',
					expiration: '2027',
				},
			},
			{
				discord: ALICE.discord,
				useDictionary: true,
				recordTypeId: 4,
				replaceValues: { first: 'Al', last: 'Rivers', licenseType: 'Class C' },
			},
		]);
		expect(output.map((item: INodeExecutionData) => [item.json.recordId, item.json.name])).toEqual([
			[1000, 'License'],
			[1001, 'License'],
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(emulator.community.records.map((record) => record.accountUuid)).toEqual(['a-1', 'a-1']);
	});

	it("maps the item's own fields of the same names in automatic mode", async () => {
		const emulator = await community();

		await runRecord(
			emulator,
			[{ first: 'Bo', last: 'Ng', plate: 'ignored', did: ALICE.discord }],
			'create',
			{
				...licence,
				account: '={{ $json.did }}',
				fields: {
					mappingMode: 'autoMapInputData',
					value: null,
					matchingColumns: [],
					schema: [
						{
							id: 'first',
							displayName: 'First Name',
							type: 'string',
							display: true,
							required: false,
							defaultMatch: false,
						},
						{
							id: 'last',
							displayName: 'Last Name',
							type: 'string',
							display: true,
							required: false,
							defaultMatch: false,
						},
					],
				},
			},
		);

		expect(emulator.bodiesTo('/v2/general/records')[0].replaceValues).toEqual({
			first: 'Bo',
			last: 'Ng',
		});
	});

	it("makes an unknown account or template that item's error, and bad values errors naming item and field", async () => {
		const emulator = await community();
		const items = [
			{ discordId: '1', first: 'No', last: 'Account' },
			{ discordId: ALICE.discord, first: { nested: true }, last: 'X' },
			{ discordId: ALICE.discord, first: '', last: '' },
			{ discordId: ALICE.discord, first: 'Fine', last: 'Person' },
		];

		const { output } = await runRecord(
			emulator,
			items,
			'create',
			{ ...licence, fields: mapped({ first: '={{ $json.first }}', last: '={{ $json.last }}' }) },
			'continueRegularOutput',
		);

		expect(itemError(output[0]).message).toBe(
			'Sonoran CAD found no such record template or target account (HTTP 404)',
		);
		expect(itemError(output[1]).message).toBe(
			'Item 2: "Fields" has "first" as an object; Sonoran takes only text values',
		);
		expect(itemError(output[2]).message).toBe('Item 3: "Fields" are all empty');
		expect(output[3].json.recordId).toBe(1000);
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('refuses a template that is not a number, before anything is sent', async () => {
		const emulator = await community();

		const { output } = await runRecord(
			emulator,
			[{ t: 'licence' }],
			'create',
			{ ...licence, templateId: { __rl: true, mode: 'id', value: '={{ $json.t }}' } },
			'continueRegularOutput',
		);

		expect(itemError(output[0]).message).toBe(
			'Item 1: "Template" must be a whole number of 0 or more, not "licence"',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Record → Lookup', () => {
	async function withRecords() {
		const emulator = await community();
		const licence = emulator.community.template(4);
		const registration = emulator.community.template(5);
		emulator.community.createRecord(licence, { first: 'Alice', last: 'Rivers' }, 'a-1');
		emulator.community.createRecord(
			registration,
			{ first: 'Alice', last: 'Rivers', plate: 'ABC123' },
			'a-1',
		);
		emulator.community.createRecord(licence, { first: 'Bob', last: 'Stone' }, 'b-2');
		return emulator;
	}

	it('finds records by name, one item per record with its field values by uid', async () => {
		const emulator = await withRecords();

		const { output } = await runRecord(emulator, [{ name: 'Rivers' }], 'lookup', {
			lookupBy: 'name',
			last: '={{ $json.name }}',
			first: 'alice',
		});

		expect(output.map((item) => [item.json.recordId, item.json.name])).toEqual([
			[1000, 'License'],
			[1001, 'Vehicle Registration'],
		]);
		expect(output[1].json.values).toMatchObject({ first: 'Alice', plate: 'ABC123' });
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(emulator.bodiesTo('/v2/general/lookups')).toEqual([
			{ first: 'alice', last: 'Rivers', partial: true },
		]);
	});

	it('finds by plate with record types, and by value (record number)', async () => {
		const emulator = await withRecords();

		const byPlate = await runRecord(emulator, [{}], 'lookup', {
			lookupBy: 'plate',
			plate: 'abc',
			partial: true,
			recordTypes: [5],
		});
		const byNumber = await runRecord(emulator, [{}], 'lookup', {
			lookupBy: 'value',
			searchType: 'NUMBER',
			value: '1002',
		});

		expect(byPlate.output.map((item) => item.json.recordId)).toEqual([1001]);
		expect(emulator.bodiesTo('/v2/general/lookups')).toEqual([
			{ plate: 'abc', partial: true, types: [5] },
		]);
		expect(byNumber.output.map((item) => item.json.values)).toEqual([
			expect.objectContaining({ first: 'Bob', last: 'Stone' }),
		]);
		expect(emulator.bodiesTo('/v2/general/lookups/by-value')).toEqual([
			{ searchType: 'NUMBER', value: '1002' },
		]);
	});

	it('asks once for items that look up the same, and makes no item when nothing is found', async () => {
		const emulator = await withRecords();

		const { output } = await runRecord(
			emulator,
			[{ n: 'Stone' }, { n: 'Stone' }, { n: 'Nobody' }],
			'lookup',
			{
				lookupBy: 'name',
				last: '={{ $json.n }}',
			},
		);

		// One request for both "Stone" items; each gets its own output item, paired to it alone.
		expect(output.map((item) => item.json.recordId)).toEqual([1002, 1002]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requestsTo(emulator, '/v2/general/lookups')).toHaveLength(2);
	});

	it("lets a later node read $('Webhook Items').item after identical lookups", async () => {
		const emulator = await withRecords();

		const { run } = await runSteps(
			emulator,
			[
				{ n: 'Stone', plate: 'AAA111' },
				{ n: 'Stone', plate: 'BBB222' },
			],
			[
				{
					name: 'Lookup',
					parameters: {
						resource: 'record',
						operation: 'lookup',
						lookupBy: 'name',
						last: '={{ $json.n }}',
						...UNPACED,
					},
				},
				{
					name: 'Plate',
					parameters: {
						resource: 'record',
						operation: 'lookup',
						lookupBy: 'plate',
						plate: "={{ $('Webhook Items').item.json.plate }}",
						...UNPACED,
					},
				},
			],
		);

		expect(run.data.resultData.error).toBeUndefined();
		expect(emulator.bodiesTo('/v2/general/lookups').map((body) => body.plate)).toEqual([
			undefined,
			'AAA111',
			'BBB222',
		]);
	});

	it('refuses a lookup with no name, naming the item and the field', async () => {
		const emulator = await withRecords();

		const { output } = await runRecord(
			emulator,
			[{ n: '' }],
			'lookup',
			{ lookupBy: 'name', last: '={{ $json.n }}' },
			'continueRegularOutput',
		);

		expect(itemError(output[0])).toEqual({
			message: 'Item 1: "First Name" is empty',
			description: 'Give a first name, a last name or both.',
		});
		expect(emulator.requests).toHaveLength(0);
	});
});
