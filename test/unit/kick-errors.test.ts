import type { IRun } from 'n8n-workflow';

import {
	emulatorWithUnits,
	itemError,
	KICK_PATH,
	runError,
	runKick,
	type Emulator,
	type KickOptions,
} from '../support/fixtures';

type Setup = (emulator: Emulator) => Partial<KickOptions> | void;

interface AnswerCase {
	name: string;
	setup: Setup;
	message: RegExp;
	description: RegExp;
	/** Configuration errors stop all further requests of the execution. */
	fatal: boolean;
	/** False when the requests go somewhere other than the emulator. */
	reachesEmulator?: false;
}

const fault =
	(f: Parameters<Emulator['queueFault']>[0]): Setup =>
	(emulator) =>
		emulator.queueFault({ times: 99, ...f });

const CASES: AnswerCase[] = [
	{
		name: '400 INVALID API KEY (wrong key in the credential)',
		setup: () => ({ credential: { apiKey: 'not-the-key' } }),
		message: /rejected the API key \(INVALID API KEY\)/,
		description: /paste the API key again/,
		fatal: true,
	},
	{
		name: '400 INVALID COMMUNITY ID (wrong community in the credential)',
		setup: () => ({ credential: { communityId: 'someone-else' } }),
		message: /does not know this community ID \(INVALID COMMUNITY ID\)/,
		description: /copy the Community ID again/,
		fatal: true,
	},
	{
		name: '400 API IS NOT ENABLED FOR THIS COMMUNITY',
		setup: (emulator) => emulator.set({ apiEnabled: false }),
		message: /API is not enabled for this community/,
		description: /Enable the API in Sonoran CAD's admin panel/,
		fatal: true,
	},
	{
		name: '400 API ENDPOINT IS NOT ENABLED FOR THIS COMMUNITY (plan STARTER)',
		setup: (emulator) => emulator.set({ plan: 1 }),
		message: /Kick Unit is not included in this community's Sonoran plan/,
		description: /needs the STANDARD plan or higher/,
		fatal: true,
	},
	{
		name: '400 INVALID REQUEST TYPE',
		setup: fault({ status: 400, body: 'INVALID REQUEST TYPE' }),
		message: /did not accept the request type \(INVALID REQUEST TYPE\)/,
		description: /proxy passes the JSON body through unchanged/,
		fatal: true,
	},
	{
		name: '200 Backend Service Reached (Base URL with a path)',
		setup: (emulator) => ({ credential: { baseUrl: `${emulator.url}/api` } }),
		message: /"Backend Service Reached": the request went to a path that does not exist/,
		description: /API root with no path/,
		fatal: true,
	},
	{
		name: '200 Sonoran CAD: Backend Service Reached',
		setup: fault({ status: 200, body: 'Sonoran CAD: Backend Service Reached' }),
		message: /Backend Service Reached/,
		description: /API root with no path/,
		fatal: true,
	},
	{
		name: '404 for an API ID with no active unit',
		setup: (emulator) => emulator.clearUnits(),
		message: /found no active unit with this API ID \(HTTP 404\)/,
		description: /logged in on the given server/,
		fatal: false,
	},
	{
		name: '429 rate limited',
		setup: fault({
			status: 429,
			body: '{"message":"API rate limit exceeded"}',
			headers: { 'retry-after': '1' },
		}),
		message: /kept rate limiting this request \(HTTP 429\) for longer than Max Retry Wait/,
		description: /about one request per second/,
		fatal: false,
	},
	{
		name: '502 with an HTML page',
		setup: fault({
			status: 502,
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			headers: { 'content-type': 'text/html' },
		}),
		message: /server error \(HTTP 502\)/,
		description: /status\.sonoransoftware\.com/,
		fatal: false,
	},
	{
		name: 'connection dropped without an answer',
		setup: fault({ drop: true }),
		message: /Could not reach Sonoran CAD/,
		description: /may have been applied/,
		fatal: false,
	},
	{
		name: 'nothing listening at the Base URL',
		setup: () => ({ credential: { baseUrl: 'http://127.0.0.1:1' } }),
		message: /Could not reach Sonoran CAD/,
		description: /ECONNREFUSED/,
		fatal: false,
		reachesEmulator: false,
	},
	{
		name: '200 with an empty body',
		setup: fault({ status: 200, body: '' }),
		message: /empty answer to Kick Unit/,
		description: /not known whether the request was applied/,
		fatal: false,
	},
	{
		name: '200 with a garbled body',
		setup: fault({ status: 200, body: '\u0000\u00ff{"unit' }),
		message: /unexpected answer to Kick Unit/,
		description: /not known whether the request was applied/,
		fatal: false,
	},
];

describe('Unit → Kick: every documented answer becomes a clear error', () => {
	async function runCase(testCase: AnswerCase, options: Partial<KickOptions>) {
		const emulator = await emulatorWithUnits(['A', 'B', 'C']);
		const extra = testCase.setup(emulator) ?? {};
		const result = await runKick(emulator, {
			items: [{ apiId: 'A' }, { apiId: 'B' }, { apiId: 'C' }],
			...options,
			...extra,
		});
		return { ...result, emulator };
	}

	// Retries have their own suite (kick-reliability); here each batch is sent once.
	// One attempt: no retry of a 5xx, and no time to wait out a 429.
	const once = { maxRetries: 0, maxRetryWaitMs: 0 };

	describe.each(CASES)('$name', (testCase) => {
		it('stops the workflow with a message saying what happened and a description saying what to do', async () => {
			const { run, emulator } = await runCase(testCase, { parameters: { options: once } });
			expect(run.status).toBe('error');
			const error = runError(run as IRun);
			expect(error?.message).toMatch(testCase.message);
			expect(error?.description).toMatch(testCase.description);
			expect(emulator.kicks).toEqual([]);
		});

		it('with Continue On Fail, gives each item its own error item paired to it', async () => {
			const { run, output, emulator } = await runCase(testCase, {
				onError: 'continueRegularOutput',
				parameters: { options: { ...once, batchSize: 1 } },
			});
			expect(run.status).toBe('success');
			expect(output).toHaveLength(3);
			output.forEach((item, index) => {
				expect(item.pairedItem).toEqual({ item: index });
				expect(itemError(item).message).toMatch(testCase.message);
				expect(itemError(item).description).toMatch(testCase.description);
			});
			// A configuration error is the same for every request: only the first one is sent.
			const sent = emulator.requests.filter((r) => r.path.endsWith(KICK_PATH)).length;
			const expected = testCase.reachesEmulator === false ? 0 : testCase.fatal ? 1 : 3;
			expect(sent).toBe(expected);
		});
	});
});

describe('Unit → Kick: partial failures', () => {
	it('keeps kicking the other batches when one is refused, and routes errors to the error output', async () => {
		const emulator = await emulatorWithUnits(['A', 'C']);
		const { run, output, errorOutput } = await runKick(emulator, {
			items: [{ apiId: 'A' }, { apiId: 'GONE' }, { apiId: 'C' }],
			parameters: { options: { batchSize: 1 } },
			onError: 'continueErrorOutput',
		});

		expect(run.status).toBe('success');
		expect(output.map((item) => [item.pairedItem, item.json.apiId, item.json.kicked])).toEqual([
			[{ item: 0 }, 'A', true],
			[{ item: 2 }, 'C', true],
		]);
		expect(errorOutput).toHaveLength(1);
		expect(errorOutput[0].pairedItem).toEqual({ item: 1 });
		expect(itemError(errorOutput[0]).message).toMatch(/HTTP 404/);
		expect(itemError(errorOutput[0]).description).toMatch(
			/Sonoran answered HTTP 404 "UNIT NOT FOUND"/,
		);
		expect(emulator.kicks.map((k) => k.apiId)).toEqual(['A', 'C']);
	});

	it('says how many units were already kicked when it stops part way', async () => {
		const emulator = await emulatorWithUnits(['A', 'B']);
		const { run } = await runKick(emulator, {
			items: [{ apiId: 'A' }, { apiId: 'B' }, { apiId: 'GONE' }],
			parameters: { options: { batchSize: 2 } },
		});
		expect(run.status).toBe('error');
		expect(runError(run)?.description).toMatch(
			/2 unit\(s\) earlier in this run were already kicked/,
		);
		expect(emulator.kicks.map((k) => k.apiId)).toEqual(['A', 'B']);
	});

	it('refuses a custom Base URL that is not a URL, before sending anything', async () => {
		const emulator = await emulatorWithUnits(['A']);
		const { run } = await runKick(emulator, {
			items: [{ apiId: 'A' }],
			credential: { baseUrl: '127.0.0.1:8080' },
		});
		expect(run.status).toBe('error');
		expect(runError(run)?.message).toBe("The credential's Base URL is not a valid URL");
		expect(runError(run)?.description).toMatch(/absolute http\(s\) URL/);
		expect(emulator.requests).toEqual([]);
	});
});
