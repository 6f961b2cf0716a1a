'use strict';
/**
 * `npm run test:e2e`: the package inside a real n8n. Installs n8n (cached outside the
 * repository), builds the package and loads it as a custom extension, imports a credential that
 * points at the local emulator and the example workflows from examples/ themselves, then runs
 * them the ways users do: `n8n execute` for the manual/schedule sweep, and `n8n start` with
 * published webhooks. Everything talks to 127.0.0.1 only, on ports chosen at run time, and every
 * process it starts is stopped by its PID.
 *
 *   N8N_E2E_VERSION=2.41.1 (default), N8N_E2E_NODE=24 (default), SONORANCAD_E2E_CACHE=<folder>
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startEmulator } = require('../emulator/sonoran-emulator');
const { callChecks, callWorkflows, startCatcher } = require('./call-checks');
const { PEOPLE_ACCOUNTS, peopleChecks, peopleWorkflows } = require('./people-checks');
const { queueModeChecks } = require('./queue-mode');
const {
	CREDENTIAL_ID,
	check,
	emulatorCredential,
	exampleAs,
	executionCount,
	expect,
	jsonIn,
	nodeOutput,
	ownerCookie,
	postJson,
	restPost,
	results,
	sleep,
	stageExtension,
	storedBytes,
	waitForWebhook,
	waitUntil,
} = require('./helpers');
const { ensureN8n } = require('./install-n8n');
const {
	activationArgs,
	freePort,
	n8nEnvironment,
	runCli,
	startServer,
	stopServer,
} = require('./n8n-process');

const ROOT = path.join(__dirname, '..', '..');
const TRIGGER_WEBHOOK_ID = '9c3f8e31-5da4-4a3d-8a76-3d4e5f6a7b01';
const WRONG_KEY = 'dummy-wrong-key-e2e-7d41c9';

async function main() {
	const started = Date.now();
	const install = ensureN8n();
	console.log(
		`n8n ${install.version} at ${install.dir} (${install.installedNow ? `installed now in ${install.seconds} s` : 'cached'}, ${install.size})`,
	);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-e2e-'));
	const userFolder = path.join(workDir, 'user');
	fs.mkdirSync(userFolder);
	const extensionsDir = stageExtension(workDir);

	const emulator = await startEmulator({
		units: [
			// For the sweep: UNAVAILABLE (0) units are kicked, the others stay.
			{ apiId: 'STEAM:sweep-1', status: 0 },
			{ apiId: 'STEAM:sweep-2', status: 2 },
			{ apiId: 'STEAM:sweep-3', status: 0 },
			{ apiId: 'STEAM:sweep-4', status: 1 },
			// Unavailable but without an API ID: the sweep's filter must leave it out.
			{ apiId: '', status: 0 },
			// For the webhooks.
			{ apiId: 'STEAM:web-1', status: 2 },
			{ apiId: 'STEAM:web-2', status: 3 },
			{ apiId: 'STEAM:web-3', status: 2, serverId: 2 },
			{ apiId: 'STEAM:linked-1', communityUserId: 'cu-1', status: 2 },
			{ apiId: 'STEAM:linked-2', communityUserId: 'cu-2', status: 4 },
			// For the trigger example: units that just logged in.
			{ apiId: 'STEAM:login-bad', status: 2 },
			{ apiId: 'STEAM:login-good', status: 2 },
		],
		accounts: PEOPLE_ACCOUNTS,
	});
	const env = n8nEnvironment({
		install,
		userFolder,
		extensionsDir,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	const catcher = await startCatcher();
	let server;

	try {
		const credential = (id, apiKey) => emulatorCredential(emulator, { id, apiKey });
		const workflows = {
			sweep: exampleAs('end-of-session-sweep.json', 'e2eSweep00000001'),
			webhook: exampleAs('webhook-kick.json', 'e2eWebhook000001'),
			linked: exampleAs('webhook-kick-linked-players.json', 'e2eLinked0000001'),
			trigger: exampleAs('unit-login-callsign-check.json', 'e2eTrigger000001'),
			wrongKey: exampleAs('end-of-session-sweep.json', 'e2eWrongKey00001', 'wrongKeyCredential'),
			...callWorkflows(catcher),
			...peopleWorkflows(),
		};
		fs.writeFileSync(
			path.join(workDir, 'credentials.json'),
			JSON.stringify([
				credential(CREDENTIAL_ID, emulator.apiKey),
				credential('wrongKeyCredential', WRONG_KEY),
			]),
		);
		for (const [name, workflow] of Object.entries(workflows)) {
			fs.writeFileSync(path.join(workDir, `${name}.json`), JSON.stringify(workflow));
		}

		console.log('\nreal n8n end to end');
		await check(
			"package.json's n8n section names the built node and credential (what a community install loads)",
			async () => {
				const { n8n } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
				for (const file of [...n8n.nodes, ...n8n.credentials]) {
					expect(fs.existsSync(path.join(ROOT, file)), `${file} was not built`);
					const exported = Object.values(require(path.join(ROOT, file)));
					expect(
						exported.length === 1 && typeof exported[0] === 'function',
						`${file} does not export one class`,
					);
				}
			},
		);

		await check(
			'imports the credentials (encrypted by n8n) and every example workflow',
			async () => {
				const imported = await runCli(install, env, [
					'import:credentials',
					`--input=${path.join(workDir, 'credentials.json')}`,
				]);
				expect(
					imported.code === 0,
					`import:credentials failed:\n${imported.stdout}${imported.stderr}`,
				);
				for (const name of Object.keys(workflows)) {
					const result = await runCli(install, env, [
						'import:workflow',
						`--input=${path.join(workDir, `${name}.json`)}`,
					]);
					expect(
						result.code === 0,
						`import:workflow ${name} failed:\n${result.stdout}${result.stderr}`,
					);
				}
				expect(
					!storedBytes(userFolder).includes(emulator.apiKey),
					'the API key is stored in plain text',
				);
			},
		);

		await check(
			'runs the end-of-session sweep with `n8n execute`: kicks exactly the UNAVAILABLE units',
			async () => {
				const result = await runCli(install, env, [
					'execute',
					`--id=${workflows.sweep.id}`,
					'--rawOutput',
				]);
				expect(
					result.code === 0,
					`execute failed (${result.code}):\n${result.stdout.slice(-3000)}${result.stderr.slice(-3000)}`,
				);
				const run = jsonIn(result.stdout);
				const listed = nodeOutput(run, 'Active units');
				const kicked = nodeOutput(run, 'Kick them');
				// Server 1 has 11 of the emulator's 12 units.
				expect(listed.length === 11, `Active units listed ${listed.length} units, not 11`);
				expect(
					JSON.stringify(
						kicked.map((item) => [item.json.apiId, item.json.kicked, item.json.answer]),
					) ===
						JSON.stringify([
							['STEAM:sweep-1', true, 'UNIT KICKED'],
							['STEAM:sweep-3', true, 'UNIT KICKED'],
						]),
					`unexpected Kick output: ${JSON.stringify(kicked)}`,
				);
				const left = emulator.activeUnits().map((unit) => unit.apiId);
				expect(
					!left.includes('STEAM:sweep-1') && !left.includes('STEAM:sweep-3'),
					`still active: ${left}`,
				);
				expect(
					left.includes('STEAM:sweep-2') && left.includes('STEAM:sweep-4'),
					`kicked too many: ${left}`,
				);
			},
		);

		await check(
			'ends a run with a wrong API key in the readable error, with the key nowhere in what n8n stored or printed',
			async () => {
				const result = await runCli(install, env, [
					'execute',
					`--id=${workflows.wrongKey.id}`,
					'--rawOutput',
				]);
				const printed = result.stdout + result.stderr;
				expect(result.code !== 0, 'the run with a wrong key did not fail');
				expect(
					printed.includes('Sonoran CAD rejected the API key (INVALID API KEY)'),
					`no readable error in:\n${printed.slice(-3000)}`,
				);
				expect(printed.includes('paste the API key again'), 'the error does not say what to do');
				expect(!printed.includes(WRONG_KEY), 'n8n printed the API key');
				const stored = storedBytes(userFolder);
				expect(stored.includes('INVALID API KEY'), 'the failed execution was not stored');
				expect(
					!stored.includes(WRONG_KEY) && !stored.includes(emulator.apiKey),
					'an API key is in the database in plain text',
				);
			},
		);

		await check('activates the webhook and trigger examples and starts n8n', async () => {
			const published = [
				workflows.webhook,
				workflows.linked,
				workflows.trigger,
				workflows.alarm911,
				workflows.discord,
				workflows.verify,
				workflows.dmv,
			];
			for (const { id } of published) {
				const result = await runCli(install, env, activationArgs(install, id));
				expect(result.code === 0, `activating ${id} failed:\n${result.stdout}${result.stderr}`);
			}
			server = startServer(install, env);
			await waitForWebhook(`${baseUrl}/webhook/sonoran-kick`, server);
		});

		await check(
			'lists the Sonoran CAD node, its AI tool variant, both triggers and the credential among its loaded types',
			async () => {
				const types = path.join(userFolder, '.cache', 'n8n', 'public', 'types');
				const nodes = JSON.parse(fs.readFileSync(path.join(types, 'nodes.json'), 'utf8')).map(
					(node) => node.name,
				);
				const credentials = JSON.parse(
					fs.readFileSync(path.join(types, 'credentials.json'), 'utf8'),
				).map((c) => c.name);
				expect(
					nodes.includes('CUSTOM.sonoranCad'),
					'CUSTOM.sonoranCad is not among the node types',
				);
				expect(
					nodes.includes('CUSTOM.sonoranCadTool'),
					'CUSTOM.sonoranCadTool (usable as an AI tool) is missing',
				);
				for (const trigger of ['CUSTOM.sonoranCadTrigger', 'CUSTOM.sonoranCadCallTrigger']) {
					expect(nodes.includes(trigger), `${trigger} is not among the node types`);
				}
				expect(
					credentials.includes('sonoranCadApi'),
					'sonoranCadApi is not among the credential types',
				);
			},
		);

		await check(
			'kicks the units POSTed to the v1 webhook and answers with one result per unit',
			async () => {
				const before = emulator.requests.length;
				const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-kick`, {
					units: [
						{ apiId: 'STEAM:web-1', reason: 'leaving the server' },
						{ apiId: 'STEAM:web-2' },
						{ apiId: 'STEAM:web-3', serverId: 2 },
						{ apiId: 'STEAM:not-on-duty' },
					],
				});
				expect(status === 200, `webhook answered ${status}: ${JSON.stringify(json)}`);
				expect(
					Array.isArray(json) && json.length === 4,
					`expected 4 results, got ${JSON.stringify(json)}`,
				);
				expect(
					json.slice(0, 3).every((item) => item.kicked === true),
					`not all kicked: ${JSON.stringify(json)}`,
				);
				expect(
					/no active unit with this API ID/.test(json[3].error ?? ''),
					`unknown unit not reported: ${JSON.stringify(json[3])}`,
				);
				const kicks = emulator.kicks
					.slice(-3)
					.map((kick) => `${kick.apiId}@${kick.serverId}:${kick.reason}`);
				expect(
					JSON.stringify(kicks) ===
						JSON.stringify([
							'STEAM:web-1@1:leaving the server',
							'STEAM:web-2@1:leaving the server',
							'STEAM:web-3@2:leaving the server',
						]),
					`emulator kicks: ${kicks}`,
				);
				// Only this webhook's kicks: the published Call Trigger polls (v2, Bearer) meanwhile.
				const sent = emulator.requests
					.slice(before)
					.filter((request) => request.path === '/emergency/kick_unit');
				expect(sent.length > 0, 'no v1 kick request was sent');
				expect(
					sent.every((request) => request.headers.authorization === undefined),
					'v1 requests carried a Bearer header',
				);
			},
		);

		await check(
			'kicks linked players through the v2 webhook, with the key only as a Bearer token',
			async () => {
				const before = emulator.requests.length;
				const { status, json } = await postJson(`${baseUrl}/webhook/sonoran-kick-linked`, {
					players: [{ communityUserId: 'cu-1' }, { communityUserId: 'cu-2', reason: 'AFK' }],
				});
				expect(
					status === 200 && json.length === 2,
					`webhook answered ${status}: ${JSON.stringify(json)}`,
				);
				expect(
					json.every((item) => item.kicked === true && typeof item.identId === 'number'),
					JSON.stringify(json),
				);
				const sent = emulator.requests
					.slice(before)
					.filter((request) => request.path.endsWith('/units/kick'));
				expect(
					sent.length === 1 && sent[0].path === '/v2/emergency/servers/1/units/kick',
					`sent: ${sent.map((r) => r.path)}`,
				);
				expect(sent[0].headers.authorization === `Bearer ${emulator.apiKey}`, 'no Bearer key');
				expect(!sent[0].rawBody.includes(emulator.apiKey), 'the v2 body carries the key');
				expect(
					!emulator.activeUnits().some((unit) => unit.communityUserId),
					'linked players still active',
				);
			},
		);
		await check(
			"n8n's own credential test (REST, as the editor calls it) answers each case readably",
			async () => {
				const cookie = await ownerCookie(baseUrl);
				const test = async (data) =>
					(
						await restPost(baseUrl, cookie, 'credentials/test', {
							credentials: {
								...emulatorCredential(emulator),
								data: { ...emulatorCredential(emulator).data, ...data },
							},
						})
					).data;
				const ok = await test({});
				expect(ok.status === 'OK', `valid credential: ${JSON.stringify(ok)}`);
				const wrongKey = await test({ apiKey: WRONG_KEY });
				// n8n 2.x and 1.85 show the credential's own words; 1.123's tester answers an HTTP 400
				// with its generic "Bad request", whatever the rules say.
				const ownWords = /refused these credentials/.test(wrongKey.message);
				const genericOn1x =
					install.version.startsWith('1.') &&
					wrongKey.status === 'Error' &&
					/Bad request/.test(wrongKey.message);
				const refusedReadably = ownWords || genericOn1x;
				expect(refusedReadably, `wrong key: ${JSON.stringify(wrongKey)}`);
				expect(!JSON.stringify(wrongKey).includes(WRONG_KEY), 'the test result shows the key');
				const withPath = await test({ baseUrl: `${emulator.url}/api` });
				expect(
					/Backend Service Reached/.test(withPath.message),
					`base URL with a path: ${JSON.stringify(withPath)}`,
				);
				emulator.set({ plan: 1 });
				const starter = await test({});
				emulator.set({ plan: 4 });
				expect(/STARTER plan/.test(starter.message), `plan STARTER: ${JSON.stringify(starter)}`);
			},
		);

		await check(
			'Sonoran CAD Trigger: only events with the community key, and only chosen ones, start executions',
			async () => {
				const url = `${baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/event`;
				await waitForWebhook(url, server);
				const event = (key, type, unitNum, apiId) => ({
					...(key === undefined ? {} : { key }),
					type,
					data: [
						{
							unit: { id: 1, status: 2, data: { apiIds: [apiId], unitNum, name: 'Test' } },
							isDispatch: false,
						},
					],
				});
				const refused = [
					[
						await postJson(
							url,
							event('wrong-key', 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
						),
						401,
					],
					[
						await postJson(
							url,
							event(undefined, 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
						),
						401,
					],
					// n8n itself refuses a body it cannot parse, before the node runs.
					[await postJson(url, '{not json'), 422],
					[await postJson(url, { key: emulator.apiKey }), 400],
				];
				for (const [answer, status] of refused) {
					expect(
						answer.status === status,
						`expected ${status}, got ${answer.status} ${JSON.stringify(answer.json)}`,
					);
				}
				const ignored = await postJson(url, {
					key: emulator.apiKey.toUpperCase(),
					type: 'EVENT_UNIT_STATUS',
					data: { identIds: [1], status: 0 },
				});
				expect(
					ignored.status === 200 && ignored.json.started === false,
					`status event: ${JSON.stringify(ignored)}`,
				);
				await sleep(1000);
				expect(
					executionCount(install, userFolder, workflows.trigger.id) === 0,
					'a refused or unchosen event started an execution',
				);

				const bad = await postJson(
					url,
					event(emulator.apiKey, 'EVENT_UNIT_LOGIN', 'Bad Callsign', 'STEAM:login-bad'),
				);
				const good = await postJson(
					url,
					event(emulator.apiKey, 'EVENT_UNIT_LOGIN', '1A-12', 'STEAM:login-good'),
				);
				expect(
					bad.status === 200 && bad.json.started === true,
					`login answered ${JSON.stringify(bad)}`,
				);
				expect(
					good.status === 200 && good.json.started === true,
					`login answered ${JSON.stringify(good)}`,
				);
				await waitUntil(
					() => executionCount(install, userFolder, workflows.trigger.id) === 2,
					30_000,
					'two executions',
				);
				await waitUntil(
					() => emulator.kicks.some((kick) => kick.apiId === 'STEAM:login-bad'),
					30_000,
					'the kick of the bad callsign',
				);
				await sleep(1000);
				const kick = emulator.kicks.find((k) => k.apiId === 'STEAM:login-bad');
				expect(/Bad Callsign/.test(kick.reason), `reason: ${kick.reason}`);
				expect(
					!emulator.kicks.some((k) => k.apiId === 'STEAM:login-good'),
					'the unit with a good callsign was kicked',
				);
				expect(
					!storedBytes(userFolder).includes(emulator.apiKey),
					'the key is in the stored executions',
				);
			},
		);

		await callChecks({ baseUrl, install, userFolder, emulator, workflows, catcher, server });
		await peopleChecks({ baseUrl, emulator });
		await stopServer(server);
		await queueModeChecks({ install, extensionsDir, workDir });
	} finally {
		if (server) await stopServer(server);
		await emulator.close();
		await catcher.close();
		fs.rmSync(workDir, { recursive: true, force: true });
	}

	const passed = results.filter((result) => result.ok).length;
	const failed = results.length - passed;
	console.log(`\ne2e wall time ${Math.round((Date.now() - started) / 1000)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
