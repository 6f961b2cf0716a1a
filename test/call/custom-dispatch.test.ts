/**
 * Custom dispatch (calls from a community's dispatch templates), dispatch templates, a call's
 * postal and primary unit: through n8n-core against the emulator, with the pages' wire bodies.
 */
import { editorFor } from '../support/editor';
import { emulatorWithUnits, itemError, resourceRunner, type Emulator } from '../support/fixtures';

const runCall = resourceRunner('call');
const CUSTOM = '/v2/emergency/servers/1/custom-dispatch-calls';

const UNITS = [
	{ apiId: 'STEAM:1', communityUserId: 'player-1234', unitNum: '1A-01' },
	{ apiId: 'STEAM:2', communityUserId: 'player-5678', unitNum: '1A-02' },
];

/** The page's example values, mapped from the form's fields. */
const FORM = {
	status: 'deployed',
	priority: 'Immediate',
	description: 'Reports of a disturbance outside the station.',
	code: 'GRADE_1',
	caller_name: 'Alex Smith',
};

const customCall = (values: object = FORM, extra: Record<string, unknown> = {}) => ({
	serverId: { __rl: true, mode: 'id', value: '1' },
	dispatchTemplateId: { __rl: true, mode: 'list', value: '1' },
	fields: { mappingMode: 'defineBelow', value: values },
	attachBy: 'communityUserIds',
	attachUnits: 'player-1234',
	...extra,
});

async function withUnits(): Promise<Emulator> {
	return await emulatorWithUnits([], { units: UNITS });
}

describe('Call → Create Custom Dispatch Call', () => {
	it("sends the page's body (templateId, values by uid, communityUserIds) and returns the call", async () => {
		const emulator = await withUnits();
		const { output } = await runCall(emulator, [{}], 'createCustomDispatch', customCall());
		const [body] = emulator.bodiesTo(CUSTOM);
		expect(body).toEqual({
			templateId: 1,
			values: FORM,
			communityUserIds: ['player-1234'],
			metaData: { n8nRequestId: expect.any(String) },
		});
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			serverId: 1,
			callId: expect.any(Number),
			statusId: 'deployed',
			status: 1,
			values: FORM,
		});
		const stored = emulator.calls.active(1, output[0].json.callId as number);
		expect(stored?.idents).toHaveLength(1);
	});

	it('maps each item to its own call, paired; a status that is not an option is that item’s error', async () => {
		const emulator = await withUnits();
		const { output } = await runCall(
			emulator,
			[{ status: 'deployed' }, { status: 'on_fire' }, { status: 'awaiting_deployment' }],
			'createCustomDispatch',
			customCall({ ...FORM, status: '={{ $json.status }}' }),
			'continueRegularOutput',
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.statusId).toBe('deployed');
		expect(itemError(output[1]).message).toMatch(/HTTP 400|Sonoran CAD refused/);
		expect(itemError(output[1]).description).toMatch(/status option/);
		expect(output[2].json).toMatchObject({ statusId: 'awaiting_deployment', status: 0 });
		expect(emulator.calls.dispatch.size).toBe(2);
	});

	it('refuses an item with no unit on duty among its targets, naming why', async () => {
		const emulator = await withUnits();
		const { output } = await runCall(
			emulator,
			[{}],
			'createCustomDispatch',
			customCall(FORM, { attachUnits: 'nobody-here' }),
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toMatch(/no such dispatch template or unit target/);
		expect(emulator.calls.dispatch.size).toBe(0);
	});

	it('creates the call once when the answer is lost: the request ID finds it, nothing is sent again', async () => {
		const emulator = await withUnits();
		emulator.queueFault({ path: CUSTOM, drop: true, applied: true, times: 1 });
		const { output } = await runCall(emulator, [{}], 'createCustomDispatch', customCall());
		expect(emulator.bodiesTo(CUSTOM)).toHaveLength(1);
		expect(emulator.calls.dispatch.size).toBe(1);
		expect(output[0].json).toMatchObject({
			callId: expect.any(Number),
			retryNote: expect.any(String),
		});
	});

	it('attaches units by unit ID (identIds) as the page allows', async () => {
		const emulator = await withUnits();
		const identId = emulator.activeUnits()[1].identId;
		await runCall(
			emulator,
			[{}],
			'createCustomDispatch',
			customCall(FORM, { attachBy: 'identIds', attachUnits: String(identId) }),
		);
		expect(emulator.bodiesTo(CUSTOM)[0].identIds).toEqual([identId]);
	});
});

describe('Call → Get Dispatch Templates, Get Dispatch Template', () => {
	it('lists the templates, one item each, and reads one by ID', async () => {
		const emulator = await withUnits();
		const listed = await runCall(emulator, [{}], 'getDispatchTemplates', {});
		expect(listed.output.map((item) => item.json.templateId)).toEqual([1]);
		expect(listed.output[0].json.statusOptions).toHaveLength(3);
		const one = await runCall(
			emulator,
			[{ id: 1 }, { id: 9 }],
			'getDispatchTemplate',
			{
				dispatchTemplateId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			'continueRegularOutput',
		);
		expect(one.output[0].json).toMatchObject({ templateId: 1, name: 'UK Control Room' });
		expect(itemError(one.output[1]).message).toBe(
			'Sonoran CAD found no such dispatch template (HTTP 404): template 9',
		);
	});
});

describe('Call → Set Call Postal, Set Call Primary Unit', () => {
	it("sends {postal} and {identId, trackPrimary} as the pages show; an unknown call is the item's error", async () => {
		const emulator = await withUnits();
		const [first, second] = emulator.activeUnits().map((unit) => unit.identId);
		const call = emulator.calls.createDispatch(1, { title: 'Robbery' }, [first, second]);
		const postal = await runCall(
			emulator,
			[
				{ callId: call.callId, postal: '9001' },
				{ callId: 4242, postal: '1' },
			],
			'setPostal',
			{ serverId: { __rl: true, mode: 'id', value: '1' }, postal: '={{ $json.postal }}' },
			'continueRegularOutput',
		);
		expect(
			emulator.bodiesTo(`/v2/emergency/servers/1/dispatch-calls/${call.callId}/postal`),
		).toEqual([{ postal: '9001' }]);
		expect(postal.output[0].json).toEqual({ serverId: 1, callId: call.callId, postal: '9001' });
		expect(itemError(postal.output[1]).message).toBe(
			'Sonoran CAD found no such call on this server (HTTP 404): call 4242, server 1',
		);

		const primary = await runCall(emulator, [{ callId: call.callId }], 'setPrimary', {
			serverId: { __rl: true, mode: 'id', value: '1' },
			identId: String(second),
		});
		expect(
			emulator.bodiesTo(`/v2/emergency/servers/1/dispatch-calls/${call.callId}/primary`),
		).toEqual([{ identId: second, trackPrimary: true }]);
		expect(primary.output[0].json).toMatchObject({ callId: call.callId, identId: second });
		expect(emulator.calls.active(1, call.callId)?.primary).toBe(second);
	});
});

describe('Call → Create Custom Dispatch Call: the editor', () => {
	it("lists the dispatch templates and maps a template's fields, with its status options and choices, not its units", async () => {
		const emulator = await withUnits();
		const editor = editorFor(emulator, {
			resource: 'call',
			operation: 'createCustomDispatch',
			dispatchTemplateId: { __rl: true, mode: 'list', value: '1' },
		});
		const listed = await editor.listSearch('searchDispatchTemplates');
		expect(listed.results).toEqual([{ name: 'UK Control Room (default)', value: '1' }]);
		const { fields } = await editor.resourceMapping('getDispatchTemplateFields');
		expect(fields.map((field) => [field.id, field.displayName, field.type])).toEqual([
			['status', 'Status', 'options'],
			['priority', 'Priority', 'options'],
			['code', 'Grade', 'string'],
			['caller_name', 'Caller Name', 'string'],
			['description', 'Description', 'string'],
		]);
		expect(fields[0].options?.map((option) => option.value)).toEqual([
			'awaiting_deployment',
			'deployed',
			'resolved',
		]);
		expect(fields[1].options?.map((option) => option.value)).toEqual([
			'Immediate',
			'Priority',
			'Routine',
		]);
	});
});
