import { SonoranCadApi } from '../credentials/SonoranCadApi.credentials';
import { testCredential } from './support/credential-tester';
import { emulatorCredentialData } from './support/emulator-credential';
import { emulatorWithUnits, type Emulator } from './support/fixtures';

const VERSION_PATH = '/general/get_version';

/**
 * Runs the credential test against an emulator with `settings`; `prepare` may queue faults and
 * returns overrides of the credential data.
 */
async function testAgainstEmulator(
	settings: object = {},
	prepare: (emulator: Emulator) => Record<string, unknown> | void = () => ({}),
) {
	const emulator = await emulatorWithUnits([], settings);
	const overrides = prepare(emulator) ?? {};
	const result = await testCredential(SonoranCadApi, emulatorCredentialData(emulator, overrides));
	return { emulator, result };
}

describe('Sonoran CAD API credential test (GET_VERSION)', () => {
	it('passes for a valid community on a plan that can kick, sending the credential in the body', async () => {
		const { emulator, result } = await testAgainstEmulator({ plan: 2 });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${VERSION_PATH}`]);
		expect(emulator.bodiesTo(VERSION_PATH)).toEqual([
			{ type: 'GET_VERSION', data: [], id: emulator.communityId, key: emulator.apiKey },
		]);
	});

	it('accepts a Base URL with a trailing slash', async () => {
		const { result } = await testAgainstEmulator({}, (e) => ({ baseUrl: `${e.url}//` }));
		expect(result.status).toBe('OK');
	});

	it.each([
		['INVALID API KEY', {}, () => ({ apiKey: 'wrong' })],
		['INVALID COMMUNITY ID', {}, () => ({ communityId: 'wrong' })],
		['API IS NOT ENABLED FOR THIS COMMUNITY', { apiEnabled: false }, () => ({})],
		[
			'INVALID REQUEST TYPE',
			{},
			(e: Emulator) => e.queueFault({ status: 400, body: 'INVALID REQUEST TYPE' }),
		],
	])('fails with a readable message on 400 %s', async (answer, settings, prepare) => {
		const { emulator, result } = await testAgainstEmulator(settings, prepare);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Sonoran CAD refused these credentials/);
		expect(result.message).toMatch(/Admin → In-Game Integration → API/);
		if (answer !== 'INVALID REQUEST TYPE') expect(result.message).toContain(answer);
		expect(emulator.requests).toHaveLength(1);
	});

	it.each([
		[
			'Backend Service Reached',
			'a Base URL with a path',
			(e: Emulator) => ({ baseUrl: `${e.url}/api/v1` }),
		],
		[
			'Sonoran CAD: Backend Service Reached',
			'that answer',
			(e: Emulator) => e.queueFault({ status: 200, body: 'Sonoran CAD: Backend Service Reached' }),
		],
	])('fails when the answer is "%s" (%s)', async (answer, _how, prepare) => {
		const { result } = await testAgainstEmulator({}, prepare);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`answered "${answer}"`);
		expect(result.message).toMatch(/Use the root URL without any path/);
	});

	it.each([
		[0, 'FREE'],
		[1, 'STARTER'],
	])('tells a community on plan %i (%s) that kicking needs STANDARD', async (plan, name) => {
		const { result } = await testAgainstEmulator({ plan });
		expect(result).toEqual({
			status: 'Error',
			message: `The credentials work, but the community is on the ${name} plan. Kicking units needs the STANDARD plan or higher.`,
		});
	});

	it.each([2, 3, 4, 6])('passes on plan %i', async (plan) => {
		expect((await testAgainstEmulator({ plan })).result.status).toBe('OK');
	});

	it('says when Sonoran rate limits the test', async () => {
		const { result } = await testAgainstEmulator({}, (e) =>
			e.queueFault({ status: 429, body: '{"message":"API rate limit exceeded"}' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: 'Sonoran CAD is rate limiting this API key. Wait a minute and test again.',
		});
	});
});
