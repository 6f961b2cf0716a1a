/**
 * One rule, enforced where requests are sent: after Sonoran refuses the key, the next requests of
 * the execution are not sent, whatever kind of operation sends them. A test per kind: a wrong key,
 * three items that would each need a request of their own, one request.
 */
import {
	emulatorWithUnits,
	runSteps,
	UNPACED,
	type Emulator,
	type NodeRun,
} from './support/fixtures';

const WRONG_KEY = { apiKey: 'not-the-key' };
const ONE_EACH = { options: { ...UNPACED.options, batchSize: 1 } };
const V2_REFUSAL = 'Sonoran CAD rejected the API key (HTTP 401)';

async function withWrongKey(
	emulator: Emulator,
	items: object[],
	parameters: Record<string, unknown>,
): Promise<NodeRun> {
	return await runSteps(
		emulator,
		items,
		[{ name: 'Sonoran CAD', parameters, onError: 'continueRegularOutput' }],
		{ credential: WRONG_KEY },
	);
}

const KINDS: Array<{
	kind: string;
	items: object[];
	parameters: Record<string, unknown>;
	message: string;
	/** What each item's message names after the refusal (its unit, call…), when it names one. */
	subjects?: string[];
}> = [
	{
		kind: 'per item (Account → Get Account)',
		items: ['1', '2', '3'].map((id) => ({ id })),
		parameters: {
			resource: 'account',
			operation: 'get',
			accountBy: 'discord',
			account: '={{ $json.id }}',
			...UNPACED,
		},
		message: V2_REFUSAL,
	},
	{
		kind: 'listing (Record → Lookup, three different names)',
		items: ['A', 'B', 'C'].map((n) => ({ n })),
		parameters: {
			resource: 'record',
			operation: 'lookup',
			lookupBy: 'name',
			last: '={{ $json.n }}',
			...UNPACED,
		},
		message: V2_REFUSAL,
	},
	{
		kind: 'unit state (Unit → Set Status, Batch Size 1)',
		items: ['p1', 'p2', 'p3'].map((player) => ({ player })),
		parameters: {
			resource: 'unit',
			operation: 'setStatus',
			unitsBy: 'communityUserIds',
			units: '={{ $json.player }}',
			status: 2,
			...ONE_EACH,
		},
		message: V2_REFUSAL,
		subjects: ['p1', 'p2', 'p3'].map((id) => `community user IDs ${id}, server 1`),
	},
	{
		kind: 'batched with isolation (Call → Close Calls, Batch Size 1)',
		items: [501, 502, 503].map((callId) => ({ callId })),
		parameters: { resource: 'call', operation: 'close', ...ONE_EACH },
		message: V2_REFUSAL,
		subjects: [501, 502, 503].map((id) => `call ${id}, server 1`),
	},
	{
		kind: 'batched with isolation (Unit → Kick by API ID, v1, Batch Size 1)',
		items: ['S:1', 'S:2', 'S:3'].map((apiId) => ({ apiId, reason: 'r' })),
		parameters: { resource: 'unit', operation: 'kick', ...ONE_EACH },
		message: 'Sonoran CAD rejected the API key (INVALID API KEY)',
		subjects: ['API ID S:1, server 1', 'API ID S:2, server 1', 'API ID S:3, server 1'],
	},
	{
		kind: 'one per request (Unit → Kick by Discord ID, v2)',
		items: ['1', '2', '3'].map((discord) => ({ discord, reason: 'r' })),
		parameters: {
			resource: 'unit',
			operation: 'kick',
			apiVersion: 'v2',
			identifyBy: 'discord',
			...UNPACED,
		},
		message: V2_REFUSAL,
		subjects: ['1', '2', '3'].map((id) => `Discord ID ${id}, server 1`),
	},
];

describe('a refused key stops every further request of the execution', () => {
	it.each(KINDS)(
		'$kind: three items, one request',
		async ({ items, parameters, message, subjects }) => {
			const emulator = await emulatorWithUnits([]);

			const { output } = await withWrongKey(emulator, items, parameters);

			expect(emulator.requests).toHaveLength(1);
			expect(output.map((item) => [item.json.error, item.pairedItem])).toEqual(
				[0, 1, 2].map((item) => [subjects ? `${message}: ${subjects[item]}` : message, { item }]),
			);
		},
	);

	it('a plan refusal stops the further requests to that endpoint', async () => {
		const emulator = await emulatorWithUnits([], { plan: 2 });

		// Get Active Units needs PLUS: refused for the plan; the credential itself is fine.
		const { output } = await runSteps(
			emulator,
			[{}, {}],
			[
				{
					name: 'Sonoran CAD',
					parameters: {
						resource: 'unit',
						operation: 'getActiveUnits',
						serverId: '={{ $itemIndex + 1 }}',
					},
					onError: 'continueRegularOutput',
				},
			],
		);

		expect(emulator.requests).toHaveLength(1);
		expect(output.map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Get Active Units is not included in this community's Sonoran plan/),
			expect.stringMatching(/^Get Active Units is not included in this community's Sonoran plan/),
		]);
	});
});
