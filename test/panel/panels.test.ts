import type { IDataObject } from 'n8n-workflow';

import { GET_PANEL_ACTIONS_V2 } from '../../nodes/client/endpoints';
import { paceFor } from '../../nodes/client/pacing';
import { SonoranCadTrigger } from '../../nodes/SonoranCadTrigger/SonoranCadTrigger.node';
import { editorFor, requestsTo } from '../support/editor';
import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runSteps,
	UNPACED,
	type Emulator,
} from '../support/fixtures';

const runPanel = resourceRunner('panel');
const DOORS_KEY = { __rl: true, mode: 'key', value: 'doors' };
const DOORS = {
	schemaVersion: 1,
	key: 'doors',
	name: 'Door Locks',
	body: [
		{ type: 'badge', label: 'Locked: {{state.summary.locked}}' },
		{
			type: 'repeat',
			source: '$state.doors',
			children: [
				{
					type: 'toggle',
					id: 'door-locked',
					value: '$item.locked',
					action: { id: 'door.set-locked', values: { doorId: '$item.id', locked: '$value' } },
				},
			],
		},
	],
};

async function withDoors(): Promise<Emulator> {
	const emulator = await emulatorWithUnits([]);
	emulator.panels.set('doors', DOORS);
	return emulator;
}

describe('Panel → Create or Replace Panel', () => {
	it("publishes each item's definition, adding schemaVersion 1 when missing", async () => {
		const emulator = await emulatorWithUnits([]);
		const withoutVersion: Partial<typeof DOORS> = { ...DOORS };
		delete withoutVersion.schemaVersion;
		const { output } = await runPanel(emulator, [{}], 'set', {
			panelKey: DOORS_KEY,
			definition: JSON.stringify(withoutVersion),
		});
		expect(output[0].json).toMatchObject({
			panelKey: 'doors',
			key: 'doors',
			name: 'Door Locks',
			instances: [],
		});
		expect(emulator.panels.panels.get('doors')?.definition).toEqual(DOORS);
		expect(requestsTo(emulator, '/v2/integration-panels/doors')[0].method).toBe('PUT');
	});

	it.each([
		[
			'a key other than the Panel Key',
			{ ...DOORS, key: 'gates' },
			/"Definition" has key "gates", but the Panel Key is "doors"/,
		],
		['no name', { ...DOORS, name: '' }, /"Definition" has no name/],
		[
			'a name over 80 characters',
			{ ...DOORS, name: 'x'.repeat(81) },
			/name of 81 characters; Sonoran takes at most 80/,
		],
		['no body', { ...DOORS, body: undefined }, /"Definition" has no body/],
		['201 root nodes', { ...DOORS, body: Array(201).fill({ type: 'divider' }) }, /201 root nodes/],
		['21 sounds', { ...DOORS, sounds: Array(21).fill({ id: 's' }) }, /21 sounds/],
		[
			'schema version 2',
			{ ...DOORS, schemaVersion: 2 },
			/schemaVersion 2; Sonoran takes version 1/,
		],
		[
			'over 128 KiB',
			{ ...DOORS, body: [{ type: 'text', text: 'x'.repeat(130 * 1024) }] },
			/is 131 KiB as JSON; Sonoran takes at most 128 KiB/,
		],
		['text that is not JSON', '{"name": ', /"Definition" is not valid JSON/],
	])('refuses a definition with %s before sending anything', async (_name, definition, message) => {
		const emulator = await emulatorWithUnits([]);
		const { errorOutput } = await runPanel(
			emulator,
			[{}],
			'set',
			{
				panelKey: DOORS_KEY,
				definition: typeof definition === 'string' ? definition : JSON.stringify(definition),
			},
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).message).toMatch(/^Item 1: /);
		expect(itemError(errorOutput[0]).message).toMatch(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it("refuses a Panel Key outside Sonoran's rule, naming the item", async () => {
		const emulator = await emulatorWithUnits([]);
		const { errorOutput } = await runPanel(
			emulator,
			[{ key: 'Doors!' }],
			'set',
			{
				panelKey: { __rl: true, mode: 'key', value: '={{ $json.key }}' },
				definition: JSON.stringify(DOORS),
			},
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).message).toBe(
			'Item 1: "Panel Key" is "Doors!"; a key is 2-80 lowercase letters, digits, dots, underscores or hyphens',
		);
	});

	it('says what a 409 means when the community has 50 panels already', async () => {
		const emulator = await emulatorWithUnits([]);
		for (let i = 0; i < 50; i++) emulator.panels.set(`panel-${i}`, DOORS);
		const { errorOutput } = await runPanel(
			emulator,
			[{}],
			'set',
			{ panelKey: DOORS_KEY, definition: JSON.stringify(DOORS) },
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).message).toMatch(
			/conflicts with what the CAD holds \(HTTP 409\)/,
		);
		expect(itemError(errorOutput[0]).description).toMatch(/already has 50 panels/);
	});
});

describe('Panel → Set State', () => {
	it('replaces the state of an instance, and Sonoran counts its revisions', async () => {
		const emulator = await withDoors();
		const state = { summary: { locked: 1 }, doors: [{ id: 'front', locked: true }] };
		const parameters = {
			serverId: { __rl: true, mode: 'id', value: '2' },
			panelKey: DOORS_KEY,
			instanceKey: 'mission-row',
			stateInput: 'json',
			state: '={{ JSON.stringify($json.state) }}',
		};
		const first = await runPanel(emulator, [{ state }], 'setState', parameters);
		const second = await runPanel(
			emulator,
			[{ state: { summary: { locked: 0 }, doors: [] } }],
			'setState',
			parameters,
		);
		expect(first.output[0].json).toMatchObject({
			serverId: 2,
			panelKey: 'doors',
			instanceKey: 'mission-row',
			state,
			revision: 1,
		});
		expect(second.output[0].json).toMatchObject({
			revision: 2,
			state: { summary: { locked: 0 }, doors: [] },
		});
		expect(emulator.panels.panels.get('doors')?.instances).toEqual([
			expect.objectContaining({ serverId: 2, instanceKey: 'mission-row', revision: 2 }),
		]);
	});

	it('builds the state from mapped fields, dots making nested objects and expressions keeping types', async () => {
		const emulator = await withDoors();
		const { output } = await runPanel(emulator, [{ locked: 3, online: true }], 'setState', {
			panelKey: DOORS_KEY,
			stateInput: 'fields',
			stateFields: {
				field: [
					{ name: 'summary.locked', value: '={{ $json.locked }}' },
					{ name: 'summary.online', value: '={{ $json.online }}' },
					{ name: 'title', value: 'Mission Row' },
				],
			},
		});
		expect(output[0].json.state).toEqual({
			summary: { locked: 3, online: true },
			title: 'Mission Row',
		});
	});

	it('explains a 409 for a panel that does not exist yet: create it first', async () => {
		const emulator = await emulatorWithUnits([]);
		const { errorOutput } = await runPanel(
			emulator,
			[{}],
			'setState',
			{ panelKey: DOORS_KEY, stateInput: 'json', state: '{}' },
			'continueErrorOutput',
		);
		const error = itemError(errorOutput[0]);
		expect(error.message).toMatch(
			/the panel does not exist yet, or it has too many instances \(HTTP 409\)/,
		);
		expect(error.description).toMatch(/^Create the panel first \(Panel → Create or Replace Panel/);
	});

	it('refuses a state over 512 KiB before sending it', async () => {
		const emulator = await withDoors();
		const { errorOutput } = await runPanel(
			emulator,
			[{}],
			'setState',
			{
				panelKey: DOORS_KEY,
				stateInput: 'json',
				state: JSON.stringify({ log: 'x'.repeat(513 * 1024) }),
			},
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).message).toMatch(
			/"State" is 514 KiB as JSON; Sonoran takes at most 512 KiB/,
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Panel → Acknowledge Action and Get Actions', () => {
	it('polls pending actions after a cursor, one item each, and acknowledges them', async () => {
		const emulator = await withDoors();
		const pressed = [
			emulator.pressPanel({
				panelKey: 'doors',
				actionId: 'door.set-locked',
				values: { doorId: 'a', locked: true },
			}),
			emulator.pressPanel({
				panelKey: 'doors',
				actionId: 'door.set-locked',
				values: { doorId: 'b', locked: false },
			}),
		];
		const { output } = await runSteps(
			emulator,
			[{}],
			[
				{
					name: 'Poll',
					parameters: {
						resource: 'panel',
						operation: 'getActions',
						panelKey: DOORS_KEY,
						after: 0,
						limit: 10,
						...UNPACED,
					},
				},
				{
					name: 'Ack',
					parameters: {
						resource: 'panel',
						operation: 'acknowledge',
						panelKey: { __rl: true, mode: 'key', value: '={{ $json.panelKey }}' },
						eventId: '={{ $json.eventId }}',
						success: '={{ $json.values.locked }}',
						ackFields: {
							message: '={{ "Door " + $json.values.doorId }}',
							result: '={{ JSON.stringify({ doorId: $json.values.doorId }) }}',
						},
						...UNPACED,
					},
				},
			],
		);
		expect(output.map((item) => item.json)).toEqual([
			{
				serverId: 1,
				panelKey: 'doors',
				eventId: pressed[0].id,
				acknowledged: true,
				success: true,
				message: 'Door a',
			},
			{
				serverId: 1,
				panelKey: 'doors',
				eventId: pressed[1].id,
				acknowledged: true,
				success: false,
				message: 'Door b',
			},
		]);
		expect(emulator.panels.actions.map((action) => action.ack)).toEqual([
			{ success: true, message: 'Door a', result: { doorId: 'a' } },
			{ success: false, message: 'Door b', result: { doorId: 'b' } },
		]);
		const polled = await runPanel(emulator, [{}], 'getActions', {
			panelKey: DOORS_KEY,
			after: 0,
			limit: 10,
		});
		expect(polled.output).toHaveLength(0);
	});

	it('gives each action with its cursor, and reads after the cursor given', async () => {
		const emulator = await withDoors();
		const first = emulator.pressPanel({ panelKey: 'doors', actionId: 'doors.lock-all' });
		const second = emulator.pressPanel({ panelKey: 'doors', actionId: 'doors.lock-all' });
		const { output } = await runPanel(emulator, [{}], 'getActions', {
			panelKey: DOORS_KEY,
			after: first.cursor,
			limit: 10,
		});
		expect(output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				eventId: second.id,
				cursor: second.cursor,
				actionId: 'doors.lock-all',
				nextCursor: second.cursor,
			}),
		]);
		expect(
			requestsTo(emulator, '/v2/integration-panels/servers/1/panels/doors/actions')[0].query,
		).toEqual({
			after: String(first.cursor),
			limit: '10',
		});
	});

	it('has 3 polls a minute per key across panels and servers: paced as one, and the fourth refused when unpaced', async () => {
		// The node paces every Get Actions of a key in one window of 3 a minute, whatever the panel or server.
		expect(paceFor(GET_PANEL_ACTIONS_V2, undefined)).toEqual({
			kind: 'window',
			scope: 'v2 Get Panel Actions',
			perMinute: 3,
		});
		const emulator = await withDoors();
		emulator.panels.set('gates', { ...DOORS, key: 'gates' });
		const items = [
			{ key: 'doors' },
			{ key: 'gates' },
			{ key: 'doors', after: 5 },
			{ key: 'gates', after: 5 },
		];
		emulator.pressPanel({ panelKey: 'doors', actionId: 'doors.lock-all' });
		emulator.pressPanel({ panelKey: 'gates', actionId: 'gates.open' });
		const { output } = await runPanel(
			emulator,
			items,
			'getActions',
			{
				panelKey: { __rl: true, mode: 'key', value: '={{ $json.key }}' },
				after: '={{ $json.after ?? 0 }}',
				limit: 10,
				options: { intervalMs: 0, retryDelayMs: 50, maxRetryWaitMs: 200 },
			},
			'continueRegularOutput',
		);
		expect(output.map((item) => item.json.actionId ?? item.json.error)).toEqual([
			'doors.lock-all',
			'gates.open',
			expect.stringMatching(/kept rate limiting this request \(HTTP 429\)/),
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
	});

	it.each([
		[
			'a message over 500 characters',
			{ message: 'x'.repeat(501) },
			/"Message" is 501 characters long; Sonoran takes at most 500/,
		],
		[
			'a result that is not an object',
			{ result: '[1, 2]' },
			/"Result" must be a JSON object, not a list/,
		],
		[
			'a result over 32 KiB',
			{ result: JSON.stringify({ x: 'y'.repeat(33 * 1024) }) },
			/"Result" is 34 KiB as JSON; Sonoran takes at most 32 KiB/,
		],
	])('refuses an acknowledgement with %s before sending it', async (_name, ackFields, message) => {
		const emulator = await withDoors();
		const { errorOutput } = await runPanel(
			emulator,
			[{ eventId: 'e-1' }],
			'acknowledge',
			{ panelKey: DOORS_KEY, ackFields },
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0]).message).toMatch(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it('says an action acknowledged twice was already acknowledged (409); after an unclear attempt, that attempt did it', async () => {
		const emulator = await withDoors();
		const pressed = emulator.panels.press({ panelKey: 'doors', actionId: 'door.set-locked' });
		const ack = { panelKey: DOORS_KEY, serverId: 1 };
		const first = await runPanel(emulator, [{ eventId: pressed.id }], 'acknowledge', ack);
		expect(first.output[0].json).toMatchObject({ acknowledged: true });
		const again = await runPanel(
			emulator,
			[{ eventId: pressed.id }],
			'acknowledge',
			ack,
			'continueRegularOutput',
		);
		expect(again.output[0].json.error).toBe(
			`Sonoran CAD says this action was already acknowledged (HTTP 409): panel doors, action ${pressed.id}, server 1`,
		);

		const second = emulator.panels.press({ panelKey: 'doors', actionId: 'door.set-locked' });
		const path = `/v2/integration-panels/servers/1/panels/doors/actions/${second.id}/ack`;
		emulator.queueFault({ path, applied: true, status: 502 });
		const retried = await runPanel(emulator, [{ eventId: second.id }], 'acknowledge', ack);
		expect(retried.output[0].json).toMatchObject({
			acknowledged: true,
			retryNote: expect.stringMatching(/already done \(HTTP 409\)/),
		});
	});

	it('fails the item of an action that is gone (acknowledged, or past its 60 s)', async () => {
		const emulator = await withDoors();
		const { errorOutput } = await runPanel(
			emulator,
			[{ eventId: '11111111-1111-1111-1111-111111111111' }],
			'acknowledge',
			{ panelKey: DOORS_KEY },
			'continueErrorOutput',
		);
		expect(itemError(errorOutput[0])).toEqual({
			message:
				'Sonoran CAD found no such panel, server or action (HTTP 404): panel doors, action 11111111-1111-1111-1111-111111111111, server 1',
			description: expect.stringMatching(/within its 60 s lifetime/),
		});
	});
});

describe('Panel → List Panels, Get Panel, Delete Panel, and the Panel Key list', () => {
	it('lists panels with their instances, gets one, and deletes it', async () => {
		const emulator = await withDoors();
		emulator.panels.setState(1, 'doors', 'default', { summary: { locked: 2 } });
		const listed = await runPanel(emulator, [{}], 'list', { returnAll: true });
		expect(listed.output.map((item) => item.json)).toEqual([
			expect.objectContaining({
				panelKey: 'doors',
				name: 'Door Locks',
				instances: [
					expect.objectContaining({
						instanceKey: 'default',
						revision: 1,
						state: { summary: { locked: 2 } },
					}),
				],
			}),
		]);
		const got = await runPanel(emulator, [{}], 'get', { panelKey: DOORS_KEY });
		expect(got.output[0].json).toMatchObject({ panelKey: 'doors', definition: DOORS });
		const deleted = await runPanel(
			emulator,
			[{}, {}],
			'delete',
			{ panelKey: DOORS_KEY },
			'continueRegularOutput',
		);
		expect(deleted.output[0].json).toEqual({ panelKey: 'doors', deleted: true, enabled: false });
		expect(deleted.output[1].json.error).toBe(
			'Sonoran CAD found no such panel, server or action (HTTP 404): panel doors',
		);
		// Disabled, as Sonoran's page says: its definition and instances are kept.
		expect(emulator.panels.panels.get('doors')).toMatchObject({
			enabled: false,
			definition: DOORS,
		});
		const listedAfter = await runPanel(emulator, [{}], 'list', { returnAll: true });
		expect(listedAfter.output).toHaveLength(0);
	});

	it('treats a deletion whose first answer was lost as done when the panel is gone', async () => {
		const emulator = await withDoors();
		emulator.queueFault({ path: '/v2/integration-panels/doors', applied: true, status: 502 });
		const { output } = await runPanel(emulator, [{}], 'delete', { panelKey: DOORS_KEY });
		expect(output[0].json).toMatchObject({
			panelKey: 'doors',
			deleted: true,
			retryNote: expect.stringMatching(/no longer there/),
		});
	});

	it('offers the panels in the Panel Key list, in the node and in the trigger', async () => {
		const emulator = await withDoors();
		emulator.panels.set('fire-alarms', { ...DOORS, key: 'fire-alarms', name: 'Fire Alarms' });
		const node = editorFor(emulator, { resource: 'panel', operation: 'setState' });
		expect((await node.listSearch('searchPanels')).results).toEqual([
			{ name: 'Door Locks (doors)', value: 'doors' },
			{ name: 'Fire Alarms (fire-alarms)', value: 'fire-alarms' },
		]);
		const trigger = editorFor(emulator, { events: ['EVENT_PANEL_*'] }, SonoranCadTrigger as never);
		expect((await trigger.listSearch('searchPanels', 'fire')).results).toEqual([
			{ name: 'Fire Alarms (fire-alarms)', value: 'fire-alarms' },
		]);
	});

	it('limits List Panels to Limit', async () => {
		const emulator = await withDoors();
		emulator.panels.set('gates', { ...DOORS, key: 'gates' });
		const { output } = await runPanel(emulator, [{}], 'list', { returnAll: false, limit: 1 });
		expect(output.map((item) => (item.json as IDataObject).panelKey)).toEqual(['doors']);
	});
});
