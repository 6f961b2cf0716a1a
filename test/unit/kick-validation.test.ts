import { emulatorWithUnits, itemError, KICK_PATH, runError, runKick } from '../support/fixtures';

interface InvalidCase {
	name: string;
	item: object;
	parameters?: Record<string, unknown>;
	message: RegExp;
	description: RegExp;
}

const INVALID: InvalidCase[] = [
	{
		name: 'no apiId field',
		item: { steamId: 'x' },
		message: /Item 2: "API ID" is empty/,
		description: /"apiId" field of the incoming item/,
	},
	{
		name: 'empty apiId',
		item: { apiId: '' },
		message: /Item 2: "API ID" is empty/,
		description: /Set "API ID"/,
	},
	{
		name: 'whitespace apiId',
		item: { apiId: '   ' },
		message: /Item 2: "API ID" is empty/,
		description: /Set "API ID"/,
	},
	{
		name: 'null apiId',
		item: { apiId: null },
		message: /Item 2: "API ID" is empty/,
		description: /Set "API ID"/,
	},
	{
		name: 'object apiId',
		item: { apiId: { steam: 'x' } },
		message: /Item 2: "API ID" is an object, not text/,
		description: /Set "API ID"/,
	},
	{
		name: 'list apiId',
		item: { apiId: ['x'] },
		message: /Item 2: "API ID" is a list, not text/,
		description: /Set "API ID"/,
	},
	{
		name: 'boolean apiId',
		item: { apiId: true },
		message: /Item 2: "API ID" is a boolean, not text/,
		description: /Set "API ID"/,
	},
	{
		name: 'a Discord ID that lost digits as a JSON number',
		item: { apiId: 228541962184122368 },
		message: /Item 2: "API ID" is the number 228541962184122370, which is not exact/,
		description: /Send the ID as a string/,
	},
	{
		name: 'empty reason',
		item: { apiId: 'B', why: '' },
		parameters: { reason: '={{ $json.why }}' },
		message: /Item 2: "Reason" is empty/,
		description: /You have been kicked for/,
	},
	{
		name: 'missing reason',
		item: { apiId: 'B' },
		parameters: { reason: '={{ $json.why }}' },
		message: /Item 2: "Reason" is empty/,
		description: /Set "Reason"/,
	},
	{
		name: 'negative serverId',
		item: { apiId: 'B', server: -1 },
		parameters: { serverId: '={{ $json.server }}' },
		message: /Item 2: "Server ID" must be a whole number of 0 or more, not "-1"/,
		description: /most communities have one server, number 1/,
	},
	{
		name: 'fractional serverId',
		item: { apiId: 'B', server: 1.5 },
		parameters: { serverId: '={{ $json.server }}' },
		message: /Item 2: "Server ID" must be a whole number of 0 or more, not "1.5"/,
		description: /Server ID/,
	},
	{
		name: 'text serverId',
		item: { apiId: 'B', server: 'main' },
		parameters: { serverId: '={{ $json.server }}' },
		message: /Item 2: "Server ID" must be a whole number of 0 or more, not "main"/,
		description: /Server ID/,
	},
];

describe('Unit → Kick: input is checked before anything is sent', () => {
	describe.each(INVALID)('$name', ({ item, parameters, message, description }) => {
		const items = (bad: object) => [
			{ apiId: 'A', why: 'x', server: 1 },
			bad,
			{ apiId: 'C', why: 'x', server: 1 },
		];

		it('stops before any request, naming the item and the field', async () => {
			const emulator = await emulatorWithUnits(['A', 'B', 'C']);
			const { run } = await runKick(emulator, { items: items(item), parameters });
			expect(run.status).toBe('error');
			expect(runError(run)?.message).toMatch(message);
			expect(runError(run)?.description).toMatch(description);
			expect(emulator.requests).toEqual([]);
		});

		it('with Continue On Fail, fails only that item and kicks the others in one request', async () => {
			const emulator = await emulatorWithUnits(['A', 'B', 'C']);
			const { output } = await runKick(emulator, {
				items: items(item),
				parameters,
				onError: 'continueRegularOutput',
			});
			expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(output[0].json.kicked).toBe(true);
			expect(itemError(output[1]).message).toMatch(message);
			expect(output[2].json.kicked).toBe(true);
			expect(
				emulator
					.bodiesTo(KICK_PATH)
					.map((body) => body.data.map((u: { apiId: string }) => u.apiId)),
			).toEqual([['A', 'C']]);
		});
	});

	it('accepts an API ID given as a whole number, and trims text', async () => {
		const emulator = await emulatorWithUnits(['12345', 'steam:1']);
		const { output } = await runKick(emulator, {
			items: [{ apiId: 12345 }, { apiId: '  steam:1\n' }],
		});
		expect(output.map((o) => o.json.apiId)).toEqual(['12345', 'steam:1']);
		expect(emulator.kicks.map((k) => k.apiId)).toEqual(['12345', 'steam:1']);
	});

	it('sends no request at all when every item is invalid', async () => {
		const emulator = await emulatorWithUnits(['A']);
		const { run, output } = await runKick(emulator, {
			items: [{ apiId: '' }, {}],
			onError: 'continueRegularOutput',
		});
		expect(run.status).toBe('success');
		expect(output.map((o) => [o.pairedItem, itemError(o).message])).toEqual([
			[{ item: 0 }, 'Item 1: "API ID" is empty'],
			[{ item: 1 }, 'Item 2: "API ID" is empty'],
		]);
		expect(emulator.requests).toEqual([]);
	});
});
