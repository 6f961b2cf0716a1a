/**
 * Exactly once: against an emulator that applies a request and only then fails (a 502, a dropped
 * connection, an answer held past the timeout), an operation that is not safe to repeat leaves
 * at most one effect per item, and the item says truthfully what happened.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { emulatorWithUnits, itemError, type Emulator, runOperation } from './support/fixtures';

const SERVER = '/v2/emergency/servers/1';
const ALICE = { uuid: 'a-1', username: 'AliceRP', discord: '228541962184122368' };
/** Fast retries and a short timeout; the emulator still counts every request. */
const FAST = { options: { intervalMs: 0, retryDelayMs: 20, timeoutMs: 400 } };

interface Fault {
	name: string;
	fault: Record<string, unknown>;
}

const APPLIED_THEN_FAILED: Fault[] = [
	{ name: '502 on the first attempt only', fault: { applied: true, status: 502 } },
	{ name: '502 on every attempt', fault: { applied: true, status: 502, times: 10 } },
	{ name: 'connection reset on the first attempt', fault: { applied: true, drop: true } },
	{ name: 'answer held past the timeout', fault: { applied: true, delayMs: 900 } },
];

interface Case {
	operation: [string, string];
	path: (emulator: Emulator) => string;
	parameters: (emulator: Emulator) => Record<string, unknown>;
	/** How many of the operation's effects Sonoran holds. */
	effects: (emulator: Emulator) => number;
	/** Whether the node can look for what an unclear attempt did (else the item fails honestly). */
	looks: boolean;
}

const openCall = (emulator: Emulator) =>
	emulator.calls.active(1, [...emulator.calls.dispatch.keys()][0]) ??
	emulator.calls.createDispatch(1, { title: 'Robbery' });

const CASES: Record<string, Case> = {
	'Create 911 Call': {
		operation: ['call', 'create911'],
		path: () => `${SERVER}/calls/911`,
		parameters: () => ({
			serverId: 1,
			caller: 'Clerk',
			location: 'Innocence Blvd',
			description: 'Armed robbery',
		}),
		effects: (emulator) => emulator.calls.emergency.size,
		looks: true,
	},
	'Create Dispatch Call': {
		operation: ['call', 'createDispatch'],
		path: () => `${SERVER}/dispatch-calls`,
		parameters: () => ({ serverId: 1, title: 'Armed Robbery' }),
		effects: (emulator) => emulator.calls.dispatch.size,
		looks: true,
	},
	'Add Note': {
		operation: ['call', 'addNote'],
		path: (emulator) => `${SERVER}/dispatch-calls/${openCall(emulator).callId}/notes`,
		parameters: (emulator) => ({
			serverId: 1,
			callId: openCall(emulator).callId,
			note: 'Suspect fled north',
		}),
		effects: (emulator) => openCall(emulator).notes.length,
		looks: true,
	},
	'Create Link Code': {
		operation: ['account', 'createLinkCode'],
		path: () => '/v2/general/links',
		parameters: () => ({ communityUserId: 'discord:3001' }),
		effects: (emulator) => emulator.community.linkCodes.size,
		looks: false,
	},
	'Create Record': {
		operation: ['record', 'create'],
		path: () => '/v2/general/records',
		parameters: () => ({
			templateId: { __rl: true, mode: 'id', value: '3' },
			accountBy: 'discord',
			account: ALICE.discord,
			fields: { mappingMode: 'defineBelow', value: { description: 'Red sedan' }, schema: [] },
		}),
		effects: (emulator) => emulator.community.records.length,
		looks: false,
	},
};

async function runWithFault(testCase: Case, fault: Record<string, unknown>) {
	const emulator = await emulatorWithUnits([], { accounts: [ALICE] });
	const path = testCase.path(emulator);
	const before = testCase.effects(emulator);
	emulator.queueFault({ ...fault, path });
	const { output } = await runOperation(
		emulator,
		[{}],
		testCase.operation,
		{ ...FAST, ...testCase.parameters(emulator) },
		'continueRegularOutput',
	);
	const sent = emulator.requests.filter((request) => request.path === path).length;
	return { emulator, output, sent, effects: testCase.effects(emulator) - before };
}

describe.each(Object.entries(CASES))('%s after a failure that was applied', (_name, testCase) => {
	it.each(APPLIED_THEN_FAILED)(
		'$name: one effect at most, and an honest item',
		async ({ fault }) => {
			const { output, sent, effects } = await runWithFault(testCase, fault);

			expect(sent).toBe(1);
			expect(effects).toBe(1);
			expect(output).toHaveLength(1);
			const [item] = output as INodeExecutionData[];
			if (testCase.looks) {
				// It looked, found what the attempt created, and answers with it.
				expect(item.error).toBeUndefined();
				expect(item.json.retryNote).toMatch(
					/was found in Sonoran CAD, so the request was not sent again/,
				);
				expect(item.pairedItem).toEqual({ item: 0 });
			} else {
				expect(itemError(item).description).toMatch(
					/may have been applied all the same, so it was not sent again/,
				);
			}
		},
	);
});

describe('Looking before sending again', () => {
	it('sends a create again only after looking and not finding it, and says so', async () => {
		const { output, sent, effects } = await runWithFault(CASES['Create 911 Call'], {
			status: 502,
		});

		expect(sent).toBe(2);
		expect(effects).toBe(1);
		expect(output[0].json.callId).toBeDefined();
		expect(output[0].json.retryNote).toMatch(
			/not found in Sonoran CAD afterwards, so the request was sent again/,
		);
	});

	it('tells the call it created from an identical call that was already there', async () => {
		const testCase = CASES['Create 911 Call'];
		const emulator = await emulatorWithUnits([]);
		const twin = emulator.calls.create911(1, {
			caller: 'Clerk',
			location: 'Innocence Blvd',
			description: 'Armed robbery',
		});
		emulator.queueFault({ applied: true, status: 502, path: testCase.path(emulator) });

		const { output } = await runOperation(emulator, [{}], testCase.operation, {
			...FAST,
			...testCase.parameters(emulator),
		});

		expect(emulator.calls.emergency.size).toBe(2);
		expect(output[0].json.callId).not.toBe(twin.callId);
	});

	it('fails the item, without sending again, when the look itself fails', async () => {
		const testCase = CASES['Create Dispatch Call'];
		const emulator = await emulatorWithUnits([]);
		emulator.queueFault({ applied: true, status: 502, path: testCase.path(emulator) });
		emulator.queueFault({ status: 503, times: 5, path: `${SERVER}/calls` });

		const { output } = await runOperation(
			emulator,
			[{}],
			testCase.operation,
			{ ...FAST, ...testCase.parameters(emulator) },
			'continueRegularOutput',
		);

		expect(emulator.requests.filter((r) => r.path === testCase.path(emulator))).toHaveLength(1);
		expect(emulator.calls.dispatch.size).toBe(1);
		expect(itemError(output[0]).description).toMatch(/Looking for it failed too/);
	});

	it('still waits out a 429 and sends once', async () => {
		const testCase = CASES['Create 911 Call'];
		const emulator = await emulatorWithUnits([]);
		emulator.queueFault({
			status: 429,
			headers: { 'retry-after': '0' },
			path: testCase.path(emulator),
		});

		const { output } = await runOperation(emulator, [{}], testCase.operation, {
			...FAST,
			...testCase.parameters(emulator),
		});

		expect(emulator.calls.emergency.size).toBe(1);
		expect(output[0].json.retryNote).toBeUndefined();
	});
});

describe('A removal retried after an unclear attempt', () => {
	it('Remove 911 Call: a 404 on the retry is a success that says so', async () => {
		const emulator = await emulatorWithUnits([]);
		const call = emulator.calls.create911(1, { caller: 'Clerk' });
		const path = `${SERVER}/calls/911/${call.callId}`;
		emulator.queueFault({ applied: true, status: 502, path });

		const { output } = await runOperation(
			emulator,
			[{ callId: call.callId }],
			['call', 'remove911'],
			{
				...FAST,
				serverId: 1,
			},
		);

		expect(emulator.requests.filter((r) => r.path === path).map((r) => r.status)).toEqual([
			502, 404,
		]);
		expect(emulator.calls.emergency.size).toBe(0);
		expect(output[0].json).toMatchObject({ callId: call.callId, removed: true });
		expect(output[0].json.retryNote).toMatch(
			/no longer there \(HTTP 404\), so the earlier attempt did it/,
		);
	});

	it('Close Calls: calls that the unclear attempt closed are successes that say so', async () => {
		const emulator = await emulatorWithUnits([]);
		const calls = [1, 2].map((n) => emulator.calls.createDispatch(1, { title: `Call ${n}` }));
		const path = `${SERVER}/dispatch-calls/close`;
		emulator.queueFault({ applied: true, drop: true, path });

		const { output } = await runOperation(
			emulator,
			calls.map((call) => ({ callId: call.callId })),
			['call', 'close'],
			{ ...FAST, serverId: 1 },
		);

		expect(emulator.requests.filter((r) => r.path === path)).toHaveLength(2);
		expect(emulator.calls.dispatch.size).toBe(0);
		expect(output.map((item) => [item.json.callId, item.json.closed])).toEqual(
			calls.map((call) => [call.callId, true]),
		);
		expect(output[0].json.retryNote).toMatch(/the earlier attempt closed it/);
	});
});
