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
const { panelChecks, panelWorkflows, startGameServer } = require('./panel-checks');
const { PEOPLE_ACCOUNTS, peopleChecks, peopleWorkflows } = require('./people-checks');
const { configurationChecks, configurationWorkflows } = require('./configuration-checks');
const { aiChecks, aiWorkflows, startAiStandIns } = require('./ai-checks');
const { cliChecks } = require('./cli-checks');
const { queueModeChecks } = require('./queue-mode');
const { serverChecks } = require('./server-checks');
const { triggerChecks } = require('./trigger-checks');
const {
	check,
	CREDENTIAL_ID,
	emulatorCredential,
	exampleAs,
	expect,
	results,
	stageExtension,
	waitForWebhook,
	WRONG_KEY,
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
	const gameServer = await startGameServer();
	const aiStandIns = await startAiStandIns();
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
			...configurationWorkflows(),
			...aiWorkflows(aiStandIns),
			...panelWorkflows(gameServer),
		};
		fs.writeFileSync(
			path.join(workDir, 'credentials.json'),
			JSON.stringify([
				credential(CREDENTIAL_ID, emulator.apiKey),
				credential('wrongKeyCredential', WRONG_KEY),
				...aiStandIns.credentials,
			]),
		);
		for (const [name, workflow] of Object.entries(workflows)) {
			fs.writeFileSync(path.join(workDir, `${name}.json`), JSON.stringify(workflow));
		}

		console.log('\nreal n8n end to end');
		await cliChecks({ install, env, workDir, userFolder, emulator, workflows });

		await check('activates the webhook and trigger examples and starts n8n', async () => {
			const published = [
				workflows.webhook,
				workflows.linked,
				workflows.trigger,
				workflows.alarm911,
				workflows.discord,
				workflows.verify,
				workflows.dmv,
				workflows.ban,
				workflows.roleSync,
				workflows.roster,
				workflows.penalCodes,
				workflows.dispatchForm,
				workflows.aiDispatcher,
				workflows.aiAgentTools,
				workflows.mcpServer,
				workflows.doors,
			];
			for (const { id } of published) {
				const result = await runCli(install, env, activationArgs(install, id));
				expect(result.code === 0, `activating ${id} failed:\n${result.stdout}${result.stderr}`);
			}
			server = startServer(install, env);
			await waitForWebhook(`${baseUrl}/webhook/sonoran-kick`, server);
		});

		await serverChecks({ install, baseUrl, userFolder, emulator });
		await triggerChecks({ install, baseUrl, userFolder, emulator, workflows, server });
		await callChecks({ baseUrl, install, userFolder, emulator, workflows, catcher, server });
		await peopleChecks({ baseUrl, emulator });
		await configurationChecks({ baseUrl, emulator });
		await aiChecks({ baseUrl, emulator, standIns: aiStandIns });
		await panelChecks({ install, baseUrl, userFolder, emulator, workflows, server, gameServer });
		await stopServer(server);
		await queueModeChecks({ install, extensionsDir, workDir });
	} finally {
		if (server) await stopServer(server);
		await emulator.close();
		await catcher.close();
		await gameServer.close();
		await aiStandIns.close();
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
