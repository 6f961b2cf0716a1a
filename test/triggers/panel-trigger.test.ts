// Must run before the harness loads n8n-core: the trigger's warnings are part of what is checked.
import { recordLogs, setLogLevel, takeLogs } from '../support/log-level';
setLogLevel('warn');

import type { IDataObject } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { SonoranCadTrigger } from '../../nodes/SonoranCadTrigger/SonoranCadTrigger.node';
import { credentialsFor, emulatorWithUnits, type Emulator } from '../support/fixtures';
import { callWebhook } from '../support/n8n-harness';

const DOORS = {
	schemaVersion: 1,
	name: 'Door Locks',
	body: [{ type: 'toggle', id: 'lock', label: 'Locked', action: { id: 'door.set-locked' } }],
};

interface Push {
	emulator: Emulator;
	body: unknown;
	parameters?: IDataObject;
	query?: IDataObject;
	staticData?: IDataObject;
}

async function push({ emulator, body, parameters = {}, query = {}, staticData }: Push) {
	const call = await callWebhook({
		nodeClass: SonoranCadTrigger,
		credentialClasses: [SonoranCadApi],
		credentials: credentialsFor(emulator),
		parameters: { events: ['EVENT_PANEL_*'], ...parameters },
		body,
		query,
		staticData,
	});
	const started = call.result.workflowData as Array<Array<{ json: IDataObject }>> | undefined;
	return { ...call, item: started?.[0]?.[0]?.json, started };
}

/** A dispatcher presses "Locked" on the doors panel; the push the FiveM forwarder sends. */
async function pressed(
	emulator: Emulator,
	values: IDataObject = { doorId: 'mrpd-lobby', locked: true },
) {
	emulator.panels.set('doors', DOORS);
	const action = emulator.pressPanel({
		panelKey: 'doors',
		serverId: 2,
		instanceKey: 'mission-row',
		actionId: 'door.set-locked',
		values,
	});
	return { action, body: { key: emulator.apiKey, type: 'EVENT_PANEL_DOORS', data: action } };
}

describe('Sonoran CAD Trigger: Panel Action', () => {
	it('starts one execution per press, with the action as one item', async () => {
		const emulator = await emulatorWithUnits([]);
		const { action, body } = await pressed(emulator);
		const { status, body: answer, started, item } = await push({ emulator, body });
		expect(status).toBe(200);
		expect(answer).toEqual({ received: true, started: true });
		expect(started).toHaveLength(1);
		expect(item).toMatchObject({
			event: 'EVENT_PANEL_DOORS',
			category: 'panel',
			panelKey: 'doors',
			serverId: 2,
			instanceKey: 'mission-row',
			actionId: 'door.set-locked',
			values: { doorId: 'mrpd-lobby', locked: true },
			actorUuid: action.actorUuid,
			actorName: action.actorName,
			eventId: action.id,
			cursor: action.cursor,
			expiresAt: action.expiresAt,
		});
		expect(JSON.stringify(item)).not.toContain(emulator.apiKey);
	});

	it('starts nothing for a repeated push of the same event ID, in this process or after another saved it', async () => {
		const emulator = await emulatorWithUnits([]);
		const { action, body } = await pressed(emulator);
		const first = await push({ emulator, body });
		expect(first.started).toHaveLength(1);
		const again = await push({ emulator, body, staticData: first.staticData });
		expect(again.body).toEqual({ received: true, started: false, duplicate: true });
		expect(again.started).toBeUndefined();
		// n8n keeps a node's static data under "node:<name>", and saves it with the workflow.
		const saved = first.staticData['node:Trigger'] as IDataObject;
		expect(Object.keys(saved.panelEventsSeen as IDataObject)).toEqual([action.id]);

		// Another main or webhook process: it knows the ID only from the workflow's saved static data.
		const { action: other, body: otherBody } = await pressed(emulator);
		const elsewhere = await push({
			emulator,
			body: otherBody,
			staticData: { 'node:Trigger': { panelEventsSeen: { [other.id]: Date.now() } } },
		});
		expect(elsewhere.body).toEqual({ received: true, started: false, duplicate: true });
	});

	it('keeps to Only Panel and Only Action IDs', async () => {
		const emulator = await emulatorWithUnits([]);
		const only = async (parameters: IDataObject) =>
			(await push({ emulator, body: (await pressed(emulator)).body, parameters })).started
				?.length ?? 0;
		expect(await only({ panelKey: { mode: 'key', value: 'doors' } })).toBe(1);
		expect(await only({ panelKey: { mode: 'list', value: 'fire-alarms' } })).toBe(0);
		expect(await only({ actionIds: 'doors.lock-all, door.set-locked' })).toBe(1);
		expect(await only({ actionIds: 'doors.lock-all' })).toBe(0);
	});

	it('acknowledges on receipt when asked, and says so in the item', async () => {
		const emulator = await emulatorWithUnits([]);
		const { action, body } = await pressed(emulator);
		const { item } = await push({
			emulator,
			body,
			parameters: { acknowledge: true, acknowledgeMessage: 'Door command sent' },
		});
		expect(item).toMatchObject({ eventId: action.id, acknowledged: true });
		const stored = emulator.panels.actions.find((candidate) => candidate.id === action.id);
		expect(stored?.ack).toEqual({ success: true, message: 'Door command sent', result: undefined });
		const ackRequests = emulator.requests.filter((request) => request.path.endsWith('/ack'));
		expect(ackRequests.map((request) => request.path)).toEqual([
			`/v2/integration-panels/servers/2/panels/doors/actions/${action.id}/ack`,
		]);
	});

	it('still starts the workflow when the acknowledgement fails, with the reason', async () => {
		const emulator = await emulatorWithUnits([]);
		const { body } = await pressed(emulator);
		const expired = { ...(body.data as IDataObject), id: 'not-pending-any-more' };
		const { started, item } = await push({
			emulator,
			body: { ...body, data: expired },
			parameters: { acknowledge: true },
		});
		expect(started).toHaveLength(1);
		expect(item).toMatchObject({ acknowledged: false });
		expect(String(item?.acknowledgeError)).toMatch(/no such panel, server or action \(HTTP 404\)/);
	});

	it.each([
		['data as an array of one', (action: IDataObject) => ({ data: [action] })],
		[
			'the action at the top of the body',
			(action: IDataObject) => ({ ...action, data: undefined }),
		],
		[
			'an actor object and no panel key (taken from the type)',
			(action: IDataObject) => {
				const { actorUuid, actorName, ...rest } = action;
				delete rest.panelKey;
				return { data: { ...rest, actor: { uuid: actorUuid, name: actorName } } };
			},
		],
	])('reads %s', async (_name, shape) => {
		const emulator = await emulatorWithUnits([]);
		const { action, body } = await pressed(emulator);
		const { item } = await push({
			emulator,
			body: { key: body.key, type: body.type, ...shape(action as unknown as IDataObject) },
		});
		expect(item).toMatchObject({
			panelKey: 'doors',
			actionId: 'door.set-locked',
			eventId: action.id,
			actorName: action.actorName,
			actorUuid: action.actorUuid,
			values: { doorId: 'mrpd-lobby', locked: true },
		});
	});

	it('is caught by Any Event too, while GET_LOGS (Sonoran support asking for logs) is not', async () => {
		const emulator = await emulatorWithUnits([]);
		const { body } = await pressed(emulator);
		expect((await push({ emulator, body, parameters: { events: ['*'] } })).started).toHaveLength(1);
		const logs = await push({
			emulator,
			body: { key: emulator.apiKey, type: 'GET_LOGS', data: {} },
			parameters: { events: ['*'] },
		});
		expect(logs.body).toEqual({ received: true, started: false });
	});
});

describe('Sonoran CAD Trigger: what real forwarders send', () => {
	const event = async (type: string, data: unknown, extra: Partial<Push> = {}) => {
		const emulator = await emulatorWithUnits([]);
		return (
			await push({
				emulator,
				body: { key: emulator.apiKey, type, data },
				parameters: { events: ['*'] },
				...extra,
			})
		).item;
	};

	it("reads identIds sent as one number, as the docs' own example does", async () => {
		expect(await event('EVENT_UNIT_LOGOUT', { identIds: 5 })).toMatchObject({ identIds: [5] });
		expect(await event('EVENT_UNIT_STATUS', { identIds: '7', status: 1 })).toMatchObject({
			identIds: [7],
		});
	});

	it('gives isPanic as null, not false, when a legacy panic does not say', async () => {
		expect(await event('EVENT_UNIT_PANIC', { identIds: [9] })).toMatchObject({ isPanic: null });
		expect(await event('EVENT_UNIT_PANIC', { identIds: [9], isPanic: 'true' })).toMatchObject({
			isPanic: true,
		});
	});

	it.each([
		['EVENT_DISPATCH_UNIT_ATTACH', { callId: 41, ident: 12 }, { callIds: [41], identIds: [12] }],
		[
			'EVENT_DISPATCH_UNIT_ATTACH',
			{ callId: 41, idents: [12, { id: 13 }] },
			{ callIds: [41], identIds: [12, 13] },
		],
		[
			'EVENT_DISPATCH_UNIT_DETACH',
			{ callId: '41', ident: { id: 12 } },
			{ callIds: [41], identIds: [12] },
		],
	])('names the units of %s in identIds', async (type, data, expected) => {
		expect(await event(type, data)).toMatchObject(expected);
	});

	it('can be chosen for Record Printed', async () => {
		const emulator = await emulatorWithUnits([]);
		const printed = await push({
			emulator,
			body: { key: emulator.apiKey, type: 'EVENT_PRINT_RECORD', data: { recordId: 3 } },
			parameters: { events: ['EVENT_PRINT_RECORD'] },
		});
		expect(printed.item).toMatchObject({ event: 'EVENT_PRINT_RECORD', data: { recordId: 3 } });
	});

	it('puts the serverId of the forward URL into every item', async () => {
		expect(await event('EVENT_TONE', {}, { query: { serverId: '2' } })).toMatchObject({
			serverId: 2,
		});
		expect(await event('EVENT_TONE', {})).not.toHaveProperty('serverId');
	});

	it("logs every refusal through n8n's logger, without the key", async () => {
		const emulator = await emulatorWithUnits([]);
		takeLogs();
		const stop = recordLogs();
		try {
			await push({ emulator, body: { key: 'stale-key-123', type: 'EVENT_TONE' } });
			await push({ emulator, body: { type: 'EVENT_TONE' } });
			await push({ emulator, body: ['not', 'an', 'object'] });
		} finally {
			stop();
		}
		const logs = takeLogs();
		expect(logs).toMatch(
			/refused a push event \(HTTP 401\): the event's API key is not the credential's/,
		);
		expect(logs).toMatch(/refused a push event \(HTTP 401\): the event carries no API key/);
		expect(logs).toMatch(/refused a push event \(HTTP 400\): the body is not a JSON object/);
		expect(logs).not.toContain('stale-key-123');
		expect(logs).not.toContain(emulator.apiKey);
	});
});
