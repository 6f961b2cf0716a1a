import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SonoranCadApi } from '../../credentials/SonoranCadApi.credentials';
import { GET_CALLS_V2 } from '../../nodes/client/endpoints';
import { bookSlot, paceFor } from '../../nodes/client/pacing';
import { fingerprint, MAX_TRACKED_CALLS } from '../../nodes/SonoranCadCallTrigger/callChanges';
import { SonoranCadCallTrigger } from '../../nodes/SonoranCadCallTrigger/SonoranCadCallTrigger.node';
import { pollsPerMinute } from '../../nodes/SonoranCadCallTrigger/pollRate';
import { credentialsFor, emulatorWithUnits, type Emulator } from '../support/fixtures';
import { pollingTrigger } from '../support/n8n-harness';

const ALL_EVENTS = ['new911Call', 'newDispatchCall', 'dispatchCallChanged', 'callClosed'];
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };

function triggerFor(
	emulator: Emulator,
	parameters: IDataObject = {},
	mode: 'trigger' | 'manual' = 'trigger',
) {
	return pollingTrigger({
		nodeClass: SonoranCadCallTrigger,
		credentialClasses: [SonoranCadApi],
		credentials: credentialsFor(emulator),
		parameters: { serverId: 1, events: ALL_EVENTS, pollTimes: EVERY_MINUTE, ...parameters },
		mode,
	});
}

/** The items a poll emitted, as [event, kind, callId]. */
function emitted(result: INodeExecutionData[][] | null) {
	return (result?.[0] ?? []).map((item) => [item.json.event, item.json.kind, item.json.callId]);
}

/** Polls in these tests come faster than 5 a minute: the emulator's limit is lifted. */
async function calm(): Promise<Emulator> {
	return await emulatorWithUnits([], { v2RateLimits: false });
}

describe('Sonoran CAD Call Trigger', () => {
	it('notes the open calls on its first poll and emits nothing, then one item per change', async () => {
		const emulator = await calm();
		const before911 = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		const trigger = triggerFor(emulator);

		expect(await trigger.poll()).toBeNull();
		expect(emulator.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v2/emergency/servers/1/calls', { type: '100', closedLimit: '10' }],
		]);
		expect(await trigger.poll()).toBeNull();

		const new911 = emulator.calls.create911(1, {
			caller: 'Clerk',
			location: 'Store',
			description: 'Robbery',
		});
		const dispatch = emulator.calls.createDispatch(1, { title: 'Robbery' });
		const result = await trigger.poll();
		expect(emitted(result)).toEqual([
			['newDispatchCall', 'active', dispatch.callId],
			['new911Call', 'emergency', new911.callId],
		]);
		expect(result![0][1].json).toMatchObject({
			caller: 'Clerk',
			callerName: 'Clerk',
			location: 'Store',
			serverId: 1,
		});
		expect(before911.callId).not.toBe(new911.callId);

		emulator.calls.update(1, dispatch.callId, { status: 0, postal: '9001' });
		const changed = await trigger.poll();
		expect(emitted(changed)).toEqual([['dispatchCallChanged', 'active', dispatch.callId]]);
		expect(changed![0][0].json.changedFields).toEqual(['status', 'postal']);
	});

	it('emits callClosed for a dispatch call that closed (with its closed fields) and a 911 call that went away', async () => {
		const emulator = await calm();
		const trigger = triggerFor(emulator);
		const new911 = emulator.calls.create911(1, {
			caller: 'Clerk',
			location: 'Store',
			description: 'Robbery',
		});
		const dispatch = emulator.calls.createDispatch(1, { title: 'Robbery', postal: '9001' });
		await trigger.poll();
		expect(await trigger.poll()).toBeNull();

		emulator.calls.close(1, [dispatch.callId]);
		emulator.calls.remove911(1, new911.callId);
		const closed = await trigger.poll();
		expect(emitted(closed)).toEqual([
			['callClosed', 'active', dispatch.callId],
			['callClosed', 'emergency', new911.callId],
		]);
		expect(closed![0][0].json).toMatchObject({ status: 2, title: 'Robbery', postal: '9001' });
		// A removed 911 call is no longer listed: its item carries what the trigger kept of it.
		expect(closed![0][1].json).toEqual({
			event: 'callClosed',
			kind: 'emergency',
			callId: new911.callId,
			serverId: 1,
			lastKnownLabel: 'Clerk',
			caller: 'Clerk',
			location: 'Store',
		});
	});

	it('keeps at most 120 characters of each last-known field per call', () => {
		const long = 'x'.repeat(5000);
		const kept = fingerprint({
			kind: 'active',
			callId: 1,
			serverId: 1,
			title: long,
			address: long,
			postal: 9001,
			description: long,
		});
		expect(kept.last).toEqual({ title: 'x'.repeat(120), address: 'x'.repeat(120), postal: '9001' });
		expect(JSON.stringify(kept).length).toBeLessThan(1000);
	});

	it('emits only the chosen events, and does not ask for closed calls when closing is not watched', async () => {
		const emulator = await calm();
		const trigger = triggerFor(emulator, { events: ['new911Call'] });
		await trigger.poll();
		emulator.calls.createDispatch(1, { title: 'Ignored' });
		const call = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		expect(emitted(await trigger.poll())).toEqual([['new911Call', 'emergency', call.callId]]);
		expect(emulator.requests.at(-1)!.query).toEqual({ type: '100' });
	});

	it('emits the open calls on its first poll when asked to', async () => {
		const emulator = await calm();
		const call = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		const trigger = triggerFor(emulator, { options: { emitOnFirstPoll: true } });
		expect(emitted(await trigger.poll())).toEqual([['new911Call', 'emergency', call.callId]]);
	});

	it('returns the current calls on a manual test run, without touching what it has seen', async () => {
		const emulator = await calm();
		const call = emulator.calls.create911(1, { caller: 'A', location: 'L', description: 'D' });
		const manual = triggerFor(emulator, { events: ['new911Call'] }, 'manual');
		expect(emitted(await manual.poll())).toEqual([['new911Call', 'emergency', call.callId]]);
		expect(manual.staticData()).toEqual({});
	});

	it('starts afresh when its server changes', async () => {
		const emulator = await calm();
		emulator.calls.create911(2, { caller: 'A', location: 'L', description: 'D' });
		const trigger = triggerFor(emulator);
		await trigger.poll();
		trigger.workflow.getNode('Trigger')!.parameters.serverId = 2;
		expect(await trigger.poll()).toBeNull();
		expect(trigger.staticData().serverId).toBe(2);
	});

	it('keeps its memory bounded: a fingerprint per open call, at most MAX_TRACKED_CALLS', async () => {
		const emulator = await calm();
		for (let i = 0; i < MAX_TRACKED_CALLS + 5; i++)
			emulator.calls.createDispatch(1, { title: `Call ${i}` });
		const trigger = triggerFor(emulator);
		await trigger.poll();
		const seen = trigger.staticData().seen as Record<string, unknown>;
		expect(Object.keys(seen)).toHaveLength(MAX_TRACKED_CALLS);
		expect(JSON.stringify(seen).length / MAX_TRACKED_CALLS).toBeLessThan(400);
		emulator.calls.close(1, [...emulator.calls.dispatch.keys()]);
		await trigger.poll();
		expect(trigger.staticData().seen).toEqual({});
	});

	it('refuses Poll Times that would read the calls more than 5 times a minute', async () => {
		const emulator = await calm();
		const everyMinute = (count: number) => ({
			item: Array.from({ length: count }, (_, i) => ({
				mode: 'custom',
				cronExpression: `${i * 10} * * * * *`,
			})),
		});
		const fast = triggerFor(emulator, { pollTimes: everyMinute(6) });
		await expect(fast.poll()).rejects.toThrow(
			'The Poll Times would read the calls 6 times a minute; Sonoran allows 5',
		);
		expect(emulator.requests).toHaveLength(0);
		const ok = triggerFor(emulator, { pollTimes: everyMinute(5) });
		await expect(ok.poll()).resolves.toBeNull();
	});

	it.each([
		[{ item: [{ mode: 'everyMinute' }] }, 1],
		[{ item: [{ mode: 'everyX', value: 5, unit: 'minutes' }] }, 1],
		[{ item: [{ mode: 'custom', cronExpression: '0 */5 * * * *' }] }, 1],
		[{ item: [{ mode: 'custom', cronExpression: '* * * * * *' }] }, 60],
		[{ item: [{ mode: 'custom', cronExpression: '0,20,40 * * * * *' }] }, 3],
		[{ item: [{ mode: 'custom', cronExpression: '10-30/10 * * * * *' }] }, 3],
		[{ item: [{ mode: 'everyMinute' }, { mode: 'custom', cronExpression: '*/15 * * * * *' }] }, 5],
		[{ item: [{ mode: 'custom', cronExpression: '*/5 * * * *' }] }, 1],
	])('counts %j as %i polls a minute', (pollTimes, perMinute) => {
		expect(pollsPerMinute(pollTimes)).toBe(perMinute);
	});

	it('fails a poll readably when the key is wrong, and never shows the key', async () => {
		const emulator = await calm();
		const trigger = triggerFor(emulator);
		emulator.set({ apiKey: 'another-key' });
		const error = await trigger.poll().catch((e: Error) => e);
		expect(error).toMatchObject({ message: 'Sonoran CAD rejected the API key (HTTP 401)' });
		expect(JSON.stringify(error)).not.toContain('demo-api-key');
		expect(emulator.requests[0].headers.authorization).toBe('Bearer demo-api-key');
	});

	it('reads the calls at most 5 times a minute with the same key, whatever the schedule', async () => {
		const emulator = await emulatorWithUnits([]);
		const trigger = triggerFor(emulator);
		for (let i = 0; i < 5; i++) await trigger.poll();
		expect(emulator.requests.filter((r) => r.status === 200)).toHaveLength(5);
		// The five polls used this key's window: a sixth listing now would wait about a minute.
		const wait = bookSlot(`${emulator.url}|${emulator.apiKey}`, paceFor(GET_CALLS_V2, undefined));
		expect(wait).toBeGreaterThan(55_000);
	});
});
