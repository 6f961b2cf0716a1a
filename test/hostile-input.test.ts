/**
 * Whatever a workflow sends, careless or hostile: names from data never reach a prototype, keys
 * never climb out of their route, numbers are checked, and every item is answered. Each test runs
 * the node through n8n-core against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { SonoranCadApi } from '../credentials/SonoranCadApi.credentials';
import { isAmbiguous } from '../nodes/client/answers';
import { SonoranCadTrigger } from '../nodes/SonoranCadTrigger/SonoranCadTrigger.node';
import {
	emulatorWithUnits,
	itemError,
	resourceRunner,
	runError,
	runKick,
	UNPACED,
	type Emulator,
} from './support/fixtures';
import { callWebhook } from './support/n8n-harness';

const runPanel = resourceRunner('panel');
const runCall = resourceRunner('call');
const runUnit = resourceRunner('unit');
const DOORS_KEY = { __rl: true, mode: 'key', value: 'doors' };

async function withDoors(): Promise<Emulator> {
	const emulator = await emulatorWithUnits([]);
	emulator.panels.set('doors', {
		schemaVersion: 1,
		key: 'doors',
		name: 'Door Locks',
		body: [{ type: 'badge', label: 'Locked' }],
	});
	return emulator;
}

/** Every own property of Object.prototype, to show that none was added. */
const prototypeNames = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('names from data never reach a prototype', () => {
	const before = prototypeNames();
	afterEach(() => {
		expect(prototypeNames()).toEqual(before);
		expect(({} as IDataObject).locked).toBeUndefined();
		expect(String({})).toBe('[object Object]');
	});

	it.each([
		['doors.__proto__.locked', '__proto__'],
		['__proto__.toString', '__proto__'],
		['a.constructor', 'constructor'],
		['summary.prototype', 'prototype'],
	])(
		'Set State with the field name %s (from data) is that item’s error, and nothing is sent for it',
		async (name, part) => {
			const emulator = await withDoors();
			const { output } = await runPanel(
				emulator,
				[{ door: name }, { door: 'summary.locked' }],
				'setState',
				{
					serverId: 1,
					panelKey: DOORS_KEY,
					instanceKey: 'default',
					stateInput: 'fields',
					stateFields: { field: [{ name: '={{ $json.door }}', value: '={{ true }}' }] },
				},
				'continueRegularOutput',
			);
			expect(output).toHaveLength(2);
			expect(itemError(output[0]).message).toBe(
				`Item 1: "State Field 1 Name" has the part "${part}"; __proto__, constructor and prototype cannot be names in a state`,
			);
			expect(output[1].json).toMatchObject({ panelKey: 'doors', instanceKey: 'default' });
			expect(
				emulator.bodiesTo('/v2/integration-panels/servers/1/panels/doors/instances/default/state'),
			).toEqual([{ state: { summary: { locked: true } } }]);
		},
	);

	it('a JSON state or a record’s fields holding such a name are refused by name, not sent emptied', async () => {
		const emulator = await withDoors();
		const { output } = await runPanel(
			emulator,
			[{}],
			'setState',
			{
				serverId: 1,
				panelKey: DOORS_KEY,
				instanceKey: 'default',
				stateInput: 'json',
				state: '{"doors": {"constructor": {"locked": true}}}',
			},
			'continueRegularOutput',
		);
		expect(itemError(output[0]).message).toBe(
			'Item 1: "State" holds the name "doors.constructor"; __proto__, constructor and prototype cannot be names here',
		);
		expect(emulator.requests).toHaveLength(0);
	});

	it('the push trigger copies a body holding "__proto__" without it, into raw and the item alike', async () => {
		const key = 'Dummy-Key-Of-The-Community-42';
		const body = JSON.parse(
			`{"key": "${key}", "type": "EVENT_UNIT_STATUS", "__proto__": {"polluted": "yes"}, "data": {"identIds": [4], "status": 2, "__proto__": {"polluted": "yes"}}}`,
		) as IDataObject;
		const call = await callWebhook({
			nodeClass: SonoranCadTrigger,
			credentialClasses: [SonoranCadApi],
			credentials: { 'cred-1': { communityId: 'c', apiKey: key } },
			parameters: { events: ['*'] },
			body,
		});
		const item = (call.result.workflowData as Array<Array<{ json: IDataObject }>>)[0][0].json;
		const raw = item.raw as IDataObject;
		expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
		expect(raw.polluted).toBeUndefined();
		expect(Object.keys(raw).sort()).toEqual(['data', 'type']);
		expect(Object.keys(raw.data as IDataObject).sort()).toEqual(['identIds', 'status']);
		expect(item).toMatchObject({ event: 'EVENT_UNIT_STATUS', identIds: [4], status: 2 });
	});
});

describe('keys that go into a route', () => {
	const fromData = { __rl: true, mode: 'key', value: '={{ $json.key }}' };
	it.each([
		['Get Panel', 'get', { panelKey: fromData }, 'Panel Key'],
		['Delete Panel', 'delete', { panelKey: fromData }, 'Panel Key'],
		[
			'Set State',
			'setState',
			{ serverId: 1, panelKey: DOORS_KEY, instanceKey: '={{ $json.key }}', state: '{}' },
			'Instance Key',
		],
		[
			'Acknowledge Action',
			'acknowledge',
			{ serverId: 1, panelKey: DOORS_KEY, eventId: '={{ $json.key }}' },
			'Event ID',
		],
	])(
		'%s with a key of ".." from data is the item’s error naming it, and sends nothing',
		async (_name, operation, parameters, field) => {
			const emulator = await withDoors();
			const { output } = await runPanel(
				emulator,
				[{ key: '..' }],
				operation,
				parameters,
				'continueRegularOutput',
			);
			expect(output).toHaveLength(1);
			expect(itemError(output[0]).message).toMatch(new RegExp(`^Item 1: "${field}" is "\\.\\."`));
			expect(emulator.requests).toHaveLength(0);
		},
	);
});

describe('every number a user or an expression gives is checked', () => {
	it.each([
		['text', '={{ "abc" }}'],
		['0', 0],
		['a fraction', 1.5],
		['over 100', 101],
	])(
		'a Batch Size of %s stops the run naming the option, and sends no request (Close Calls, shared)',
		async (_name, batchSize) => {
			const emulator = await emulatorWithUnits([]);
			const call = emulator.calls.createDispatch(1, { title: 'A' });
			const { run } = await runCall(emulator, [{ callId: call.callId }], 'close', {
				serverId: 1,
				callId: '={{ $json.callId }}',
				options: { ...UNPACED.options, batchSize },
			});
			expect(run.status).toBe('error');
			expect(runError(run)?.message).toMatch(/Batch Size/);
			expect(emulator.requests).toHaveLength(0);
			expect(emulator.calls.dispatch.size).toBe(1);
		},
	);

	it.each([
		['Max Retries', 'maxRetries', 1_000_000],
		['Retry Delay (Ms)', 'retryDelayMs', -1],
		['Timeout (Ms)', 'timeoutMs', '={{ NaN }}'],
		['Request Interval (Ms)', 'intervalMs', '={{ Infinity }}'],
		['Max Retry Wait (Ms)', 'maxRetryWaitMs', 1e21],
	])('an Option %s out of its bounds stops the run naming it', async (label, name, value) => {
		const emulator = await emulatorWithUnits(['STEAM:1']);
		const { run } = await runKick(emulator, {
			items: [{ apiId: 'STEAM:1' }],
			parameters: { serverId: 1, reason: 'afk', options: { [name]: value } },
		});
		expect(run.status).toBe('error');
		expect(runError(run)?.message).toMatch(new RegExp(label.replace(/[()]/g, '\\$&')));
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.activeUnits()).toHaveLength(1);
	});

	it.each([
		['text', '={{ "abc" }}'],
		['negative', -5],
		['zero', 0],
	])(
		'Get Active Units with a Limit of %s is the item’s error naming Limit, never 0 units',
		async (_name, limit) => {
			const emulator = await emulatorWithUnits(['STEAM:1', 'STEAM:2']);
			const { output } = await runUnit(
				emulator,
				[{}],
				'getActiveUnits',
				{ serverId: 1, returnAll: false, limit },
				'continueRegularOutput',
			);
			expect(output).toHaveLength(1);
			expect(itemError(output[0]).message).toMatch(/^Item 1: "Limit" /);
			expect(emulator.requests).toHaveLength(0);
		},
	);
});

describe('every answer shape Sonoran documents is read', () => {
	it('Kick by community user ID at Batch Size 1 pairs each one-object answer to its item', async () => {
		const emulator = await emulatorWithUnits([]);
		emulator.addUnits([
			{ apiId: 'STEAM:1', communityUserId: 'cu-1' },
			{ apiId: 'STEAM:2', communityUserId: 'cu-2' },
		]);
		const { output } = await runKick(emulator, {
			items: [{ user: 'cu-1' }, { user: 'cu-2' }],
			parameters: {
				identifyBy: 'communityUserId',
				communityUserId: '={{ $json.user }}',
				serverId: 1,
				reason: 'afk',
				options: { ...UNPACED.options, batchSize: 1 },
			},
			onError: 'continueRegularOutput',
		});
		const kickPath = '/v2/emergency/servers/1/units/kick';
		expect(emulator.bodiesTo(kickPath)).toEqual([
			{ communityUserId: 'cu-1', reason: 'afk' },
			{ communityUserId: 'cu-2', reason: 'afk' },
		]);
		expect(output.map((item) => [item.json.communityUserId, item.json.kicked])).toEqual([
			['cu-1', true],
			['cu-2', true],
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(emulator.activeUnits()).toHaveLength(0);
	});
});

describe('only errors that prove nothing was written count as never sent', () => {
	it.each(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ECONNRESET'])(
		'%s may have been applied',
		(code) => {
			expect(isAmbiguous({ statusCode: 0, failure: 'network', code })).toBe(true);
		},
	);
	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])('%s was never sent', (code) => {
		expect(isAmbiguous({ statusCode: 0, failure: 'network', code })).toBe(false);
	});
});
