import type { INodeExecutionData } from 'n8n-workflow';

import { CALL_ROUTE_LIMITS } from '../support/call-fixtures';
import {
	emulatorWithUnits,
	itemError,
	runError,
	type Emulator,
	resourceRunner,
} from '../support/fixtures';

const SERVER = (serverId: number) => `/v2/emergency/servers/${serverId}`;

async function emulatorWithPlayers(settings: object = {}): Promise<Emulator> {
	const emulator = await emulatorWithUnits([], settings);
	emulator.addUnits([
		{ apiId: 'STEAM:1', communityUserId: 'cu-1', discord: '228541962184122368', roblox: 1001 },
		{ apiId: 'STEAM:2', communityUserId: 'cu-2', discord: '228541962184122369', roblox: 1002 },
	]);
	return emulator;
}

const runCall = resourceRunner('call');

const paired = (output: INodeExecutionData[]) => output.map((item) => item.pairedItem);

describe('Call → Create 911 Call', () => {
	const parameters = {
		serverId: 1,
		caller: '={{ $json.callerName }}',
		location: '={{ $json.location }}',
		description: '={{ $json.description }}',
		additionalFields: {
			postal: '={{ $json.postal }}',
			x: '425.1',
			deleteAfterMinutes: 15,
			metaData: '={{ JSON.stringify({ source: "n8n", heist: $json.heist }) }}',
		},
	};

	it('sends one call per item with the key as a Bearer token, and returns each call with its ID', async () => {
		const emulator = await emulatorWithPlayers();
		const { run, output } = await runCall(
			emulator,
			[
				{
					callerName: 'Store Clerk',
					location: 'Innocence Blvd',
					description: 'Armed robbery',
					postal: 9001,
					heist: 1,
				},
				{
					callerName: 'Bank Alarm',
					location: 'Pacific Standard',
					description: 'Vault alarm',
					postal: '7002',
					heist: true,
				},
			],
			'create911',
			parameters,
		);

		expect(run.status).toBe('success');
		const bodies = emulator.bodiesTo(`${SERVER(1)}/calls/911`);
		expect(bodies).toEqual([
			{
				isEmergency: true,
				caller: 'Store Clerk',
				location: 'Innocence Blvd',
				description: 'Armed robbery',
				deleteAfterMinutes: 15,
				metaData: {
					source: 'n8n',
					heist: '1',
					postal: '9001',
					x: '425.1',
					n8nRequestId: expect.any(String),
				},
			},
			{
				isEmergency: true,
				caller: 'Bank Alarm',
				location: 'Pacific Standard',
				description: 'Vault alarm',
				deleteAfterMinutes: 15,
				metaData: {
					source: 'n8n',
					heist: 'true',
					postal: '7002',
					x: '425.1',
					n8nRequestId: expect.any(String),
				},
			},
		]);
		for (const request of emulator.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
			expect(request.rawBody).not.toContain(emulator.apiKey);
		}
		expect(paired(output)).toEqual([{ item: 0 }, { item: 1 }]);
		const ids = [...emulator.calls.emergency.keys()];
		expect(output.map((item) => [item.json.callId, item.json.serverId, item.json.caller])).toEqual([
			[ids[0], 1, 'Store Clerk'],
			[ids[1], 1, 'Bank Alarm'],
		]);
		expect(Object.keys(output[0].json).slice(0, 2)).toEqual(['serverId', 'callId']);
		// n8n's expressions cannot read "caller": the same value comes as callerName.
		expect(output[0].json.callerName).toBe('Store Clerk');
	});

	it('names the item and the field of a bad value, sends nothing for it, and goes on with the others', async () => {
		const emulator = await emulatorWithPlayers();
		const { output } = await runCall(
			emulator,
			[
				{ callerName: 'A', location: 'L', description: 'D', postal: 1, heist: 1 },
				{ callerName: '  ', location: 'L', description: 'D', postal: 1, heist: 1 },
				{ callerName: 'C', location: 'L', description: 'D', postal: 1, heist: { nested: true } },
			],
			'create911',
			parameters,
			'continueRegularOutput',
		);

		expect(emulator.bodiesTo(`${SERVER(1)}/calls/911`)).toHaveLength(1);
		expect(paired(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.callId).toEqual(expect.any(Number));
		expect(itemError(output[1]).message).toBe('Item 2: "Caller" is empty');
		expect(itemError(output[2]).message).toBe(
			'Item 3: "Metadata (JSON)" has "heist" as an object; Sonoran takes only text values',
		);
	});

	it('stops the workflow on a bad value before sending anything, by default', async () => {
		const emulator = await emulatorWithPlayers();
		const { run } = await runCall(
			emulator,
			[
				{ callerName: 'A', location: 'L', description: 'D', postal: 1 },
				{ callerName: 'B', location: '', description: 'D', postal: 1 },
			],
			'create911',
			parameters,
		);
		expect(runError(run)?.message).toBe('Item 2: "Location" is empty');
		expect(emulator.requests).toHaveLength(0);
	});

	it('reports a server Sonoran does not know readably, and a wrong key once for every item', async () => {
		const emulator = await emulatorWithPlayers();
		const item = { callerName: 'A', location: 'L', description: 'D', postal: 1 };
		const unknownServer = await runCall(
			emulator,
			[item],
			'create911',
			{ ...parameters, serverId: 9 },
			'continueRegularOutput',
		);
		expect(itemError(unknownServer.output[0])).toEqual({
			message: 'Sonoran CAD does not know this server (HTTP 404): server 9',
			description: expect.stringContaining('Server 9 is not configured'),
		});

		emulator.set({ apiKey: 'another-key' });
		emulator.requests.length = 0;
		const wrongKey = await runCall(
			emulator,
			[item, item, item],
			'create911',
			parameters,
			'continueRegularOutput',
		);
		expect(emulator.requests).toHaveLength(1);
		expect(wrongKey.output.map((o) => itemError(o).message)).toEqual(
			Array(3).fill('Sonoran CAD rejected the API key (HTTP 401): server 1'),
		);
	});
});

describe('Call → Remove 911 Call', () => {
	it("removes by call ID, and an unknown call is that item's error only", async () => {
		const emulator = await emulatorWithPlayers();
		const existing = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		const { output } = await runCall(
			emulator,
			[{ callId: existing.callId }, { callId: 4242 }],
			'remove911',
			{ serverId: 1 },
			'continueRegularOutput',
		);
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE ${SERVER(1)}/calls/911/${existing.callId}`,
			`DELETE ${SERVER(1)}/calls/911/4242`,
		]);
		expect(output[0].json).toMatchObject({ callId: existing.callId, serverId: 1, removed: true });
		expect(itemError(output[1]).message).toBe(
			'Sonoran CAD found no such call on this server (HTTP 404): call 4242, server 1',
		);
		expect(emulator.calls.emergency.size).toBe(0);
	});
});

describe('Call → Create Dispatch Call', () => {
	it("sends Sonoran's numbers, attaches units by community user ID, and passes any number given by expression", async () => {
		const emulator = await emulatorWithPlayers();
		const { output } = await runCall(
			emulator,
			[{ title: 'Armed Robbery', players: 'cu-1, cu-2', origin: 7 }],
			'createDispatch',
			{
				serverId: 1,
				title: '={{ $json.title }}',
				origin: '={{ $json.origin }}',
				status: 0,
				priority: 2,
				attachBy: 'communityUserIds',
				attachUnits: '={{ $json.players }}',
				additionalFields: {
					address: 'Mission Row',
					postal: '9001',
					code: '211',
					note: 'Caller is hiding',
				},
			},
		);
		expect(emulator.bodiesTo(`${SERVER(1)}/dispatch-calls`)).toEqual([
			{
				origin: 7,
				status: 0,
				priority: 2,
				title: 'Armed Robbery',
				address: 'Mission Row',
				code: '211',
				postal: '9001',
				notes: [{ label: 'n8n', type: 'text', content: 'Caller is hiding' }],
				communityUserIds: ['cu-1', 'cu-2'],
				metaData: { n8nRequestId: expect.any(String) },
			},
		]);
		const [call] = [...emulator.calls.dispatch.values()];
		expect(call.idents).toHaveLength(2);
		expect(output[0].json).toMatchObject({
			callId: call.callId,
			serverId: 1,
			title: 'Armed Robbery',
		});
	});

	it('creates an unassigned call with an empty list, and attaches by Discord ID as text', async () => {
		const emulator = await emulatorWithPlayers();
		await runCall(emulator, [{}], 'createDispatch', { serverId: 1, title: 'Traffic Stop' });
		await runCall(emulator, [{ discord: '228541962184122368' }], 'createDispatch', {
			serverId: 1,
			title: 'Pursuit',
			attachBy: 'discord',
			attachUnits: '={{ $json.discord }}',
		});
		// A Roblox ID given as a number goes as text, as Sonoran's page types it.
		await runCall(emulator, [{ roblox: 1002 }], 'createDispatch', {
			serverId: 1,
			title: 'Traffic Stop',
			attachBy: 'roblox',
			attachUnits: '={{ $json.roblox }}',
		});
		const bodies = emulator.bodiesTo(`${SERVER(1)}/dispatch-calls`);
		expect(bodies[0]).toMatchObject({ origin: 0, status: 1, priority: 1, communityUserIds: [] });
		expect(bodies[1]).toMatchObject({ discord: '228541962184122368' });
		expect(bodies[2]).toMatchObject({ roblox: '1002' });
		expect([...emulator.calls.dispatch.values()].map((c) => c.idents.length)).toEqual([0, 1, 1]);
	});

	it('refuses an origin that is not a number, naming the item and the field', async () => {
		const emulator = await emulatorWithPlayers();
		const { run } = await runCall(emulator, [{}], 'createDispatch', {
			serverId: 1,
			title: 'X',
			origin: '={{ "Radio" }}',
		});
		expect(runError(run)?.message).toBe(
			'Item 1: "Origin" must be a whole number of 0 or more, not "Radio"',
		);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Call → Update Dispatch Call: clearing fields', () => {
	it('blanks the fields in Fields to Clear, and refuses a field both set and cleared', async () => {
		const emulator = await emulatorWithPlayers();
		const call = emulator.calls.createDispatch(1, {
			title: 'Robbery',
			address: 'Vinewood',
			code: '211',
		});

		const { output } = await runCall(
			emulator,
			[
				{ callId: call.callId, fix: '' },
				{ callId: call.callId, fix: 'Del Perro' },
			],
			'update',
			{
				serverId: 1,
				updateFields: { address: '={{ $json.fix }}', clearFields: ['address', 'code'] },
			},
			'continueRegularOutput',
		);

		expect(emulator.bodiesTo(`${SERVER(1)}/dispatch-calls/${call.callId}`)).toEqual([
			{ address: '', code: '' },
		]);
		expect(emulator.calls.active(1, call.callId)).toMatchObject({
			address: '',
			code: '',
			title: 'Robbery',
		});
		expect(output[0].json).toMatchObject({ callId: call.callId, address: '', code: '' });
		expect(itemError(output[1]).message).toBe(
			'Item 2: "Address" is both set and in "Fields to Clear"',
		);
	});
});

describe('Call → Update Dispatch Call, Add Note, Attach and Detach Units', () => {
	it('changes only the fields given, adds a note, attaches and detaches units', async () => {
		const emulator = await emulatorWithPlayers();
		const call = emulator.calls.createDispatch(1, { title: 'Robbery' });
		const item = [{ callId: call.callId }];

		const updated = await runCall(emulator, item, 'update', {
			serverId: 1,
			updateFields: { postal: '9002', priority: 3, metaData: '{"x": 1.5}' },
		});
		expect(emulator.bodiesTo(`${SERVER(1)}/dispatch-calls/${call.callId}`)).toEqual([
			{ postal: '9002', priority: 3, metaData: { x: '1.5' } },
		]);
		expect(updated.output[0].json).toMatchObject({
			callId: call.callId,
			postal: '9002',
			priority: 3,
			title: 'Robbery',
		});

		const noted = await runCall(emulator, item, 'addNote', {
			serverId: 1,
			note: 'Suspect fled north',
		});
		expect(noted.output[0].json).toMatchObject({ callId: call.callId, note: 'Suspect fled north' });
		expect(call.notes.map((n: { content: string; label: string }) => [n.content, n.label])).toEqual(
			[['Suspect fled north', 'n8n']],
		);

		const attached = await runCall(emulator, item, 'attachUnits', {
			serverId: 1,
			unitsBy: 'communityUserIds',
			units: 'cu-1,cu-2',
		});
		expect(emulator.bodiesTo(`${SERVER(1)}/dispatch-calls/${call.callId}/attachments`)).toEqual([
			{ communityUserIds: ['cu-1', 'cu-2'] },
		]);
		expect(attached.output[0].json.identIds).toEqual(call.idents);
		expect(call.idents).toHaveLength(2);

		const detached = await runCall(emulator, [{ ids: [call.idents[0]] }], 'detachUnits', {
			serverId: 1,
			unitsBy: 'identIds',
			units: '={{ $json.ids }}',
		});
		const detachRequest = emulator.requests.at(-1)!;
		expect(`${detachRequest.method} ${detachRequest.path}`).toBe(
			`DELETE ${SERVER(1)}/dispatch-calls/attachments`,
		);
		expect(detached.output[0].json).toMatchObject({ serverId: 1, identIds: [expect.any(Number)] });
		expect(call.idents).toHaveLength(1);
	});

	it("refuses an update with no fields, and reports an unknown call as the item's error", async () => {
		const emulator = await emulatorWithPlayers();
		const empty = await runCall(emulator, [{ callId: 1 }], 'update', {
			serverId: 1,
			updateFields: {},
		});
		expect(runError(empty.run)).toMatchObject({
			message: 'Item 1: "Update Fields" is empty',
			description: 'Add at least one field to change or clear under "Update Fields".',
		});
		expect(emulator.requests).toHaveLength(0);
		const unknown = await runCall(
			emulator,
			[{ callId: 9999 }],
			'update',
			{ serverId: 1, updateFields: { title: 'New' } },
			'continueRegularOutput',
		);
		expect(itemError(unknown.output[0]).message).toBe(
			'Sonoran CAD found no such call on this server (HTTP 404): call 9999, server 1',
		);
	});
});

describe('Call → Close Calls', () => {
	it('closes the call IDs of many items in one request per server, failing only the calls Sonoran did not close', async () => {
		const emulator = await emulatorWithPlayers();
		const [a, b] = [
			emulator.calls.createDispatch(1, { title: 'A' }),
			emulator.calls.createDispatch(1, { title: 'B' }),
		];
		const c = emulator.calls.createDispatch(2, { title: 'C' });
		const { output } = await runCall(
			emulator,
			[
				{ callId: a.callId, server: 1 },
				{ callId: c.callId, server: 2 },
				{ callId: 4242, server: 1 },
				{ callId: b.callId, server: 1 },
			],
			'close',
			{ serverId: '={{ $json.server }}' },
			'continueRegularOutput',
		);
		expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.rawBody}`)).toEqual([
			`POST ${SERVER(1)}/dispatch-calls/close {"callIds":[${a.callId},4242,${b.callId}]}`,
			`POST ${SERVER(2)}/dispatch-calls/close {"callIds":[${c.callId}]}`,
		]);
		expect(paired(output)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json).toEqual({ callId: a.callId, serverId: 1, closed: true });
		expect(output[1].json).toEqual({ callId: c.callId, serverId: 2, closed: true });
		expect(itemError(output[2])).toEqual({
			message: 'Sonoran CAD did not close call 4242',
			description: expect.stringContaining('not an open dispatch call on server'),
		});
		expect(output[3].json.closed).toBe(true);
		expect(emulator.calls.dispatch.size).toBe(0);
	});

	it('isolates the unknown call when Sonoran refuses a whole batch with 404, closing the others', async () => {
		const emulator = await emulatorWithPlayers();
		const calls = [1, 2, 3, 4].map((n) => emulator.calls.createDispatch(1, { title: `T${n}` }));
		// Sonoran may refuse a batch holding an unknown ID outright; the first answer says so.
		emulator.queueFault({
			path: `${SERVER(1)}/dispatch-calls/close`,
			status: 404,
			body: '{"title":"Not Found","status":404,"detail":"Call 4242 was not found."}',
			headers: { 'content-type': 'application/problem+json' },
		});
		const items = [...calls.slice(0, 2), { callId: 4242 }, ...calls.slice(2)].map((call) => ({
			callId: call.callId,
		}));
		const { output } = await runCall(
			emulator,
			items,
			'close',
			{ serverId: 1 },
			'continueRegularOutput',
		);
		expect(output.map((o) => o.json.closed ?? o.json.error)).toEqual([
			true,
			true,
			'Sonoran CAD did not close call 4242',
			true,
			true,
		]);
		expect(emulator.calls.dispatch.size).toBe(0);
		expect(emulator.requests.length).toBeLessThanOrEqual(5);
	});
});

describe('Call → Get Calls', () => {
	it("returns one item per call with its kind and ID on top, from one request for identical items, each item's calls paired to it alone", async () => {
		const emulator = await emulatorWithPlayers();
		const emergency = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		const active = emulator.calls.createDispatch(1, { title: 'Robbery' });
		const closed = emulator.calls.createDispatch(1, { title: 'Old' });
		emulator.calls.close(1, [closed.callId]);
		const { output } = await runCall(emulator, [{}, {}], 'getMany', {
			serverId: 1,
			callKinds: ['active', 'emergency', 'closed'],
			closedLimit: 5,
		});
		expect(emulator.requests.map((r) => [r.path, r.query])).toEqual([
			[`${SERVER(1)}/calls`, { type: '100', closedLimit: '5' }],
		]);
		const calls = [
			['active', active.callId, 1],
			['emergency', emergency.callId, 1],
			['closed', closed.callId, 1],
		];
		expect(output.map((o) => [o.json.kind, o.json.callId, o.json.serverId])).toEqual([
			...calls,
			...calls,
		]);
		expect(Object.keys(output[0].json).slice(0, 3)).toEqual(['kind', 'callId', 'serverId']);
		expect(output.map((o) => o.pairedItem)).toEqual([
			...calls.map(() => ({ item: 0 })),
			...calls.map(() => ({ item: 1 })),
		]);
	});

	it("asks only for dispatch calls when 911 calls are not wanted, and reads the page's earlier camelCase lists too", async () => {
		const emulator = await emulatorWithPlayers({ callListCamelCase: true });
		const active = emulator.calls.createDispatch(1, { title: 'T' });
		emulator.calls.create911(1, { caller: 'A' });
		const { output } = await runCall(emulator, [{}], 'getMany', {
			serverId: 1,
			callKinds: ['active'],
		});
		expect(emulator.requests[0].query).toEqual({ type: '0' });
		expect(output.map((o) => [o.json.kind, o.json.callId, o.json.title])).toEqual([
			['active', active.callId, 'T'],
		]);
	});

	it('reads further back with Closed Calls Offset, and refuses a limit over 100 naming the item and field', async () => {
		const emulator = await emulatorWithPlayers();
		const calls = [1, 2, 3].map((n) => emulator.calls.createDispatch(1, { title: `Call ${n}` }));
		emulator.calls.close(
			1,
			calls.map((call) => call.callId),
		);

		const { output } = await runCall(
			emulator,
			[{ limit: 1 }, { limit: 101 }],
			'getMany',
			{
				serverId: 1,
				callKinds: ['closed'],
				closedLimit: '={{ $json.limit }}',
				closedOffset: 1,
			},
			'continueRegularOutput',
		);

		expect(emulator.requests.map((r) => r.query)).toEqual([
			{ type: '0', closedLimit: '1', closedOffset: '1' },
		]);
		// Closed newest first: skipping one gives the second newest.
		expect(output[0].json).toMatchObject({ kind: 'closed', callId: calls[1].callId });
		expect(itemError(output[1]).message).toBe(
			'Item 2: "Closed Calls Limit" must be from 1 to 100, not 101',
		);
	});

	it('fails readably on an answer without call lists', async () => {
		const emulator = await emulatorWithPlayers();
		emulator.queueFault({
			status: 200,
			body: '{"calls":"none"}',
			headers: { 'content-type': 'application/json' },
		});
		const { run } = await runCall(emulator, [{}], 'getMany', { serverId: 1 });
		expect(runError(run)?.message).toBe(
			'Sonoran CAD answered Get Calls without lists of calls (ActiveCalls, EmergencyCalls, ClosedCalls): server 1',
		);
	});
});

describe('the calls routes in the emulator', () => {
	it('enforce the documented limit per minute of each route', () => {
		expect(CALL_ROUTE_LIMITS).toEqual({
			calls: 5,
			create911: 10,
			remove911: 10,
			createDispatch: 20,
			close: 20,
			detach: 10,
			update: 10,
			note: 60,
			attach: 10,
		});
	});
});
