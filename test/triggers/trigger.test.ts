import type { IDataObject } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { carriesKey } from '../../nodes/SonoranCadTrigger/keyCheck';
import { SonoranCadTrigger } from '../../nodes/SonoranCadTrigger/SonoranCadTrigger.node';
import { callWebhook } from '../support/n8n-harness';

const KEY = 'Dummy-Key-Of-The-Community-42';

async function push(body: unknown, events: string[] = ['*']) {
	const call = await callWebhook({
		nodeClass: SonoranCadTrigger,
		credentialClasses: [SonoranCadApi],
		credentials: { 'cred-1': { communityId: 'c', apiKey: KEY } },
		parameters: { events },
		body,
	});
	const started = call.result.workflowData as Array<Array<{ json: IDataObject }>> | undefined;
	return { ...call, item: started?.[0]?.[0]?.json, started };
}

describe('Sonoran CAD Trigger: who may start the workflow', () => {
	it('starts the workflow for an event that carries the community key, and answers at once', async () => {
		const { status, body, started, item } = await push({
			key: KEY,
			type: 'EVENT_UNIT_LOGOUT',
			data: [{ identId: 7 }],
		});
		expect(status).toBe(200);
		expect(body).toEqual({ received: true, started: true });
		expect(started).toHaveLength(1);
		expect(item).toMatchObject({ event: 'EVENT_UNIT_LOGOUT', category: 'unit', identIds: [7] });
	});

	it("compares the key case-insensitively, as Sonoran's own listeners do", async () => {
		expect(
			(await push({ key: KEY.toUpperCase(), type: 'EVENT_TONE', data: {} })).started,
		).toHaveLength(1);
		expect(
			(await push({ key: ` ${KEY.toLowerCase()} `, type: 'EVENT_TONE', data: {} })).started,
		).toHaveLength(1);
	});

	it.each([
		['a wrong key', { key: 'someone-elses-key', type: 'EVENT_TONE' }],
		['a key that only starts like the right one', { key: KEY.slice(0, -1), type: 'EVENT_TONE' }],
		['the right key with more after it', { key: `${KEY}x`, type: 'EVENT_TONE' }],
		['no key', { type: 'EVENT_TONE' }],
		['an empty key', { key: '', type: 'EVENT_TONE' }],
		['a key that is not text', { key: 42, type: 'EVENT_TONE' }],
	])('answers 401 and starts nothing for %s', async (_name, body) => {
		const { status, body: answer, result } = await push(body);
		expect(status).toBe(401);
		expect(answer).toEqual({ error: 'Unauthorized' });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it.each([
		['a list', [{ key: KEY, type: 'EVENT_TONE' }], 'Expected a JSON object {key, type, data}'],
		['text', 'EVENT_TONE', 'Expected a JSON object {key, type, data}'],
		['an event without a type', { key: KEY, data: {} }, 'The event has no type'],
	])('answers 400 with a short reason and starts nothing for %s', async (_name, body, reason) => {
		const { status, body: answer, result } = await push(body);
		expect(status).toBe(400);
		expect(answer).toEqual({ error: reason });
		expect(result.workflowData).toBeUndefined();
	});

	it('acknowledges events that were not chosen without starting the workflow', async () => {
		const { status, body, result } = await push({ key: KEY, type: 'EVENT_UNIT_STATUS', data: {} }, [
			'EVENT_UNIT_LOGIN',
		]);
		expect(status).toBe(200);
		expect(body).toEqual({ received: true, started: false });
		expect(result.workflowData).toBeUndefined();
	});

	it('matches chosen events whatever the case Sonoran sends, and the old name of Call Closed', async () => {
		expect(
			(await push({ key: KEY, type: 'event_unit_login', data: {} }, ['EVENT_UNIT_LOGIN'])).started,
		).toHaveLength(1);
		expect(
			(await push({ key: KEY, type: 'EVENT_DISPATCH_CLOSE', data: {} }, ['EVENT_DISPATCH_CLOSED']))
				.item,
		).toMatchObject({
			event: 'EVENT_DISPATCH_CLOSED',
			category: 'dispatch',
		});
	});

	it('never puts the key in the item, the answer or the raw payload', async () => {
		const call = await push({
			key: KEY,
			type: 'EVENT_UNIT_LOGIN',
			data: { unit: { id: 1 } },
			Key: KEY,
		});
		expect(JSON.stringify(call)).not.toContain(KEY);
		expect(call.item?.raw).toEqual({ type: 'EVENT_UNIT_LOGIN', data: { unit: { id: 1 } } });
	});

	it('checks keys in constant time over digests: equal length is not required', () => {
		expect(carriesKey('abc', 'ABC')).toBe(true);
		expect(carriesKey('abc', 'abcd')).toBe(false);
		expect(carriesKey('', '')).toBe(false);
		expect(carriesKey(undefined, 'abc')).toBe(false);
	});
});

const LOGIN_UNIT = {
	id: 12,
	accId: 'acc-12',
	status: 2,
	isPanic: false,
	location: 'Legion Square',
	aop: 'Los Santos',
	data: {
		apiIds: ['STEAM:110000112345678', 'DISCORD:1'],
		unitNum: '1A-12',
		name: 'Reyes',
		communityUserId: 'cu-12',
		page: 0,
	},
};

describe('Sonoran CAD Trigger: one documented item per event, whatever the payload shape', () => {
	const cases: Array<[string, string, unknown, IDataObject]> = [
		[
			'login, as documented (data is a list)',
			'EVENT_UNIT_LOGIN',
			[{ unit: LOGIN_UNIT, isDispatch: false, selfDispatch: false }],
			{
				identId: 12,
				apiId: 'STEAM:110000112345678',
				apiIds: ['STEAM:110000112345678', 'DISCORD:1'],
				unitNum: '1A-12',
				name: 'Reyes',
				communityUserId: 'cu-12',
				status: 2,
				statusName: 'AVAILABLE',
				isDispatch: false,
				selfDispatch: false,
				unit: LOGIN_UNIT,
			},
		],
		[
			'login, as the handlers read it (data is an object)',
			'EVENT_UNIT_LOGIN',
			{ unit: LOGIN_UNIT, isDispatch: true },
			{
				identId: 12,
				apiId: 'STEAM:110000112345678',
				unitNum: '1A-12',
				isDispatch: true,
				selfDispatch: false,
			},
		],
		['logout, documented', 'EVENT_UNIT_LOGOUT', [{ identId: 5 }], { identIds: [5] }],
		['logout, object', 'EVENT_UNIT_LOGOUT', { identId: '5' }, { identIds: [5] }],
		[
			'status, documented',
			'EVENT_UNIT_STATUS',
			[{ identIds: [1, 2], status: 0 }],
			{ identIds: [1, 2], status: 0, statusName: 'UNAVAILABLE' },
		],
		[
			'status, as full units',
			'EVENT_UNIT_STATUS',
			{
				units: [
					{ id: 3, status: 4 },
					{ id: 4, status: 4 },
				],
			},
			{
				identIds: [3, 4],
				status: 4,
				statusName: 'ON_SCENE',
				units: [
					{ id: 3, status: 4 },
					{ id: 4, status: 4 },
				],
			},
		],
		[
			'panic, documented',
			'EVENT_UNIT_PANIC',
			[{ identIds: [9], isPanic: true }],
			{ identIds: [9], isPanic: true },
		],
		[
			'panic, older single identId',
			'EVENT_UNIT_PANIC',
			{ identId: 9, isPanic: false },
			{ identIds: [9], isPanic: false },
		],
		[
			'group add, in data',
			'EVENT_UNIT_GROUP_ADD',
			{ identIds: [1], groupName: 'Alpha' },
			{ identIds: [1], groupName: 'Alpha' },
		],
		[
			'group remove',
			'EVENT_UNIT_GROUP_REMOVE',
			[{ identId: 1, groupName: 'Alpha' }],
			{ identIds: [1], groupName: 'Alpha' },
		],
		[
			'group rename',
			'EVENT_UNIT_GROUP_CHANGE_NAME',
			{ identIds: [1, 2], oldName: 'A', newName: 'B' },
			{ identIds: [1, 2], oldName: 'A', newName: 'B' },
		],
		[
			'unit update',
			'EVENT_UNIT_UPDATE',
			{ units: [{ id: 8 }] },
			{ identIds: [8], units: [{ id: 8 }] },
		],
		[
			'911 removed, older single callId',
			'EVENT_REMOVE_911',
			{ callId: 31 },
			{ callIds: [31], data: { callId: 31 } },
		],
		[
			'call closed, callIds',
			'EVENT_DISPATCH_CLOSED',
			[{ callIds: [1, 2] }],
			{ callIds: [1, 2], data: { callIds: [1, 2] } },
		],
		[
			'new 911 call',
			'EVENT_911',
			[{ callId: 4, caller: 'Bob' }],
			{ data: { callId: 4, caller: 'Bob' } },
		],
		[
			'an event Sonoran adds later',
			'EVENT_SOMETHING_NEW',
			{ anything: 1 },
			{ category: 'other', data: { anything: 1 } },
		],
	];

	it.each(cases)('%s', async (_name, type, data, expected) => {
		const { item } = await push({ key: KEY, type, data });
		expect(item).toMatchObject({ event: type, ...expected });
		expect(item?.raw).toEqual({ type, data });
		expect(new Date(String(item?.receivedAt)).getTime()).toBeGreaterThan(0);
	});

	it("reads the group events' unit ids at the top of the body, where Sonoran's handler reads them", async () => {
		const { item } = await push({
			key: KEY,
			type: 'EVENT_UNIT_GROUP_ADD',
			identIds: [3, 4],
			groupName: 'Bravo',
			data: {},
		});
		expect(item).toMatchObject({ identIds: [3, 4], groupName: 'Bravo' });
	});
});
