import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const runRecord = resourceRunner('record');
const LICENSE = { __rl: true, mode: 'list', value: '4', cachedResultName: 'License' };

async function withLicense(): Promise<{ emulator: Emulator; recordId: number }> {
	const emulator = await emulatorWithUnits([], {
		accounts: [{ uuid: 'a-1', username: 'AliceRP' }],
	});
	const template = emulator.community.template(4);
	const record = emulator.community.createRecord(
		template,
		{ first: 'Alice', licenseStatus: 'VALID' },
		'a-1',
	);
	return { emulator, recordId: record.id };
}

const mapped = (value: Record<string, unknown>) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns: [],
	schema: [],
});

const valueOf = (emulator: Emulator, recordId: number, uid: string) =>
	emulator.community
		.record(recordId)
		?.sections.flatMap((part) => part.fields)
		.find((field) => field.uid === uid)?.value;

describe('Record → Update Record', () => {
	it('changes the mapped fields and keeps the others', async () => {
		const { emulator, recordId } = await withLicense();
		const { output } = await runRecord(emulator, [{ recordId, status: 'SUSPENDED' }], 'update', {
			recordId: '={{ $json.recordId }}',
			templateId: LICENSE,
			fields: mapped({ licenseStatus: '={{ $json.status }}' }),
		});
		expect(output[0].json).toMatchObject({ recordId, id: recordId, recordTypeId: 4 });
		expect(valueOf(emulator, recordId, 'licenseStatus')).toBe('SUSPENDED');
		expect(valueOf(emulator, recordId, 'first')).toBe('Alice');
		expect(emulator.bodiesTo(`/v2/general/records/${recordId}`)).toEqual([
			{ useDictionary: true, templateId: 4, replaceValues: { licenseStatus: 'SUSPENDED' } },
		]);
	});

	it('names the item and the field for a record ID that is not a number, and a record not found', async () => {
		const { emulator } = await withLicense();
		const { output } = await runRecord(
			emulator,
			[{ recordId: 'abc' }, { recordId: 99 }],
			'update',
			{
				recordId: '={{ $json.recordId }}',
				templateId: LICENSE,
				fields: mapped({ licenseStatus: 'VALID' }),
			},
			'continueRegularOutput',
		);
		expect(output.map((item) => item.json.error)).toEqual([
			'Item 1: "Record ID" must be a whole number of 0 or more, not "abc"',
			'Sonoran CAD found no such record (HTTP 404): record 99',
		]);
	});
});

describe('Record → Delete Record', () => {
	it('deletes the record, and a second deletion fails that item', async () => {
		const { emulator, recordId } = await withLicense();
		const { output } = await runRecord(
			emulator,
			[{ recordId }, { recordId }],
			'delete',
			{ recordId: '={{ $json.recordId }}' },
			'continueRegularOutput',
		);
		expect(output[0].json).toEqual({ recordId, deleted: true });
		expect(output[1].json.error).toBe('Sonoran CAD found no such record (HTTP 404): record 1000');
		expect(emulator.community.record(recordId)).toBeUndefined();
	});

	it('treats a deletion whose answer was lost as done when the record is gone', async () => {
		const { emulator, recordId } = await withLicense();
		emulator.queueFault({ path: `/v2/general/records/${recordId}`, applied: true, drop: true });
		const { output, errorOutput } = await runRecord(
			emulator,
			[{}],
			'delete',
			{ recordId: String(recordId) },
			'continueErrorOutput',
		);
		expect(errorOutput.map(itemError)).toEqual([]);
		expect(output[0].json).toMatchObject({ recordId, deleted: true });
		expect(emulator.requests.filter((request) => request.method === 'DELETE')).toHaveLength(2);
	});
});
