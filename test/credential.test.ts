import { SonoranCadApi } from '../credentials/SonoranCadApi.credentials';
import { testCredential } from './support/credential-tester';
import { emulatorWithUnits, type Emulator } from './support/fixtures';

const VERSION_PATH = '/general/get_version';

describe('Sonoran CAD API credential test (GET_VERSION)', () => {
	let emulator: Emulator | undefined;
	afterEach(async () => {
		await emulator?.close();
		emulator = undefined;
	});

	async function test(settings: object = {}, credential: object = {}) {
		emulator = await emulatorWithUnits([], settings);
		return await testCredential(SonoranCadApi, {
			communityId: emulator.communityId,
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: emulator.url,
			...credential,
		});
	}

	it('passes for a valid community on a plan that can kick, sending the credential in the body', async () => {
		expect(await test({ plan: 2 })).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator!.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`POST ${VERSION_PATH}`,
		]);
		expect(emulator!.bodiesTo(VERSION_PATH)).toEqual([
			{ type: 'GET_VERSION', data: [], id: emulator!.communityId, key: emulator!.apiKey },
		]);
	});

	it('accepts a Base URL with a trailing slash', async () => {
		emulator = await emulatorWithUnits([]);
		const result = await testCredential(SonoranCadApi, {
			communityId: emulator.communityId,
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: `${emulator.url}//`,
		});
		expect(result.status).toBe('OK');
	});

	it.each([
		['INVALID API KEY', {}, { apiKey: 'wrong' }],
		['INVALID COMMUNITY ID', {}, { communityId: 'wrong' }],
		['API IS NOT ENABLED FOR THIS COMMUNITY', { apiEnabled: false }, {}],
	])('fails with a readable message on 400 %s', async (answer, settings, credential) => {
		const result = await test(settings, credential);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Sonoran CAD refused these credentials/);
		expect(result.message).toContain(answer);
		expect(result.message).toMatch(/Admin → In-Game Integration → API/);
		expect(emulator!.requests).toHaveLength(1);
	});

	it('fails with a readable message on 400 INVALID REQUEST TYPE', async () => {
		emulator = await emulatorWithUnits([]);
		emulator.queueFault({ status: 400, body: 'INVALID REQUEST TYPE' });
		const result = await testCredential(SonoranCadApi, {
			communityId: emulator.communityId,
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: emulator.url,
		});
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/refused these credentials/),
		});
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
			(e: Emulator) => (
				e.queueFault({ status: 200, body: 'Sonoran CAD: Backend Service Reached' }),
				{}
			),
		],
	])('fails when the answer is "%s" (%s)', async (answer, _how, credentialFor) => {
		emulator = await emulatorWithUnits([]);
		const result = await testCredential(SonoranCadApi, {
			communityId: emulator.communityId,
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: emulator.url,
			...credentialFor(emulator),
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`answered "${answer}"`);
		expect(result.message).toMatch(/Use the root URL without any path/);
	});

	it.each([
		[0, 'FREE'],
		[1, 'STARTER'],
	])('tells a community on plan %i (%s) that kicking needs STANDARD', async (plan, name) => {
		const result = await test({ plan });
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			`The credentials work, but the community is on the ${name} plan. Kicking units needs the STANDARD plan or higher.`,
		);
	});

	it.each([2, 3, 4, 6])('passes on plan %i', async (plan) => {
		expect((await test({ plan })).status).toBe('OK');
	});

	it('says when Sonoran rate limits the test', async () => {
		emulator = await emulatorWithUnits([]);
		emulator.queueFault({ status: 429, body: '{"message":"API rate limit exceeded"}' });
		const result = await testCredential(SonoranCadApi, {
			communityId: emulator.communityId,
			apiKey: emulator.apiKey,
			environment: 'custom',
			baseUrl: emulator.url,
		});
		expect(result).toEqual({
			status: 'Error',
			message: 'Sonoran CAD is rate limiting this API key. Wait a minute and test again.',
		});
	});
});
