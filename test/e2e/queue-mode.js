'use strict';
/**
 * n8n in queue mode, as communities that outgrow one process run it: real Redis and PostgreSQL,
 * one main process taking the webhooks and two `n8n worker` processes running the executions,
 * the package loaded on all three. 50 webhook calls at once, each kicking one unit, against the
 * emulator holding v1's guidance as a limit (a burst of 3, then one a second, 429 beyond it);
 * then 25 linked players through v2 (20 kicks a minute). Every call must answer with its kick,
 * and every unit be kicked exactly once: a worker that meets a 429 waits, it never drops a kick.
 */
const fs = require('node:fs');
const path = require('node:path');

const { startEmulator } = require('../emulator/sonoran-emulator');
const {
	check,
	emulatorCredential,
	exampleAs,
	expect,
	postJson,
	waitForWebhook,
} = require('./helpers');
const {
	activationArgs,
	freePort,
	n8nEnvironment,
	runCli,
	startServer,
	stopServer,
} = require('./n8n-process');
const { ensureServices, startPostgres, startRedis } = require('./services');

const WORKERS = 2;
const V1_CALLS = 50;
const V2_CALLS = 25;

/** The environment every process of the deployment shares: the database, the queue, the key. */
function queueEnvironment({ install, userFolder, extensionsDir, postgres, redis, ports }) {
	return {
		...n8nEnvironment({
			install,
			userFolder,
			extensionsDir,
			port: ports.http,
			brokerPort: ports.broker,
		}),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_HEALTH_CHECK_PORT: String(ports.health),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		N8N_ENCRYPTION_KEY: 'sonorancad-e2e-queue-encryption-key',
	};
}

async function processEnvironment(base, workDir, name) {
	const userFolder = path.join(workDir, name);
	fs.mkdirSync(userFolder, { recursive: true });
	const ports = { http: await freePort(), broker: await freePort(), health: await freePort() };
	return { userFolder, env: queueEnvironment({ ...base, userFolder, ports }), ports };
}

/** POSTs all bodies at once; resolves with each answer, in order. */
async function burst(url, bodies) {
	return await Promise.all(bodies.map(async (body) => await postJson(url, body)));
}

function summarize(answers) {
	const kicked = answers.filter(
		(a) =>
			a.status === 200 && Array.isArray(a.json) && a.json.length === 1 && a.json[0].kicked === true,
	);
	return { kicked: kicked.length, failed: answers.filter((a) => !kicked.includes(a)) };
}

async function queueModeChecks({ install, extensionsDir, workDir }) {
	console.log('\nqueue mode: Redis, PostgreSQL, one main and two workers');
	ensureServices();
	const emulator = await startEmulator({
		units: [
			...Array.from({ length: V1_CALLS }, (_, i) => ({ apiId: `STEAM:queue-${i}` })),
			...Array.from({ length: V2_CALLS }, (_, i) => ({
				apiId: `STEAM:q2-${i}`,
				communityUserId: `cu-q${i}`,
			})),
		],
		v1Limit: { burst: 3, intervalMs: 1000 },
	});
	const started = [];
	let redis;
	let postgres;
	try {
		redis = await startRedis();
		postgres = await startPostgres();
		const base = { install, extensionsDir, postgres, redis };
		const main = await processEnvironment(base, workDir, 'main');
		const baseUrl = `http://127.0.0.1:${main.ports.http}`;

		await check(
			'queue mode: imports the credential and the webhook examples into PostgreSQL',
			async () => {
				const credentials = path.join(workDir, 'queue-credentials.json');
				fs.writeFileSync(credentials, JSON.stringify([emulatorCredential(emulator)]));
				const imported = await runCli(install, main.env, [
					'import:credentials',
					`--input=${credentials}`,
				]);
				expect(
					imported.code === 0,
					`import:credentials failed:\n${imported.stdout}${imported.stderr}`,
				);
				for (const [file, id] of [
					['webhook-kick.json', 'queueKickV1Hook1'],
					['webhook-kick-linked-players.json', 'queueKickV2Hook1'],
				]) {
					const workflowFile = path.join(workDir, `${id}.json`);
					fs.writeFileSync(workflowFile, JSON.stringify(exampleAs(file, id)));
					for (const args of [
						['import:workflow', `--input=${workflowFile}`],
						activationArgs(install, id),
					]) {
						const result = await runCli(install, main.env, args);
						expect(result.code === 0, `${args[0]} failed:\n${result.stdout}${result.stderr}`);
					}
				}
				const stored = postgres
					.query("SELECT COUNT(*) FROM workflow_entity WHERE id LIKE 'queueKick%'")
					.trim();
				expect(stored === '2', `PostgreSQL holds ${stored} of the 2 workflows`);
			},
		);

		await check(
			`queue mode: starts the main process and ${WORKERS} workers, each loading the package`,
			async () => {
				started.push(startServer(install, main.env, 'start'));
				for (let i = 1; i <= WORKERS; i++) {
					const worker = await processEnvironment(base, workDir, `worker-${i}`);
					started.push(startServer(install, worker.env, 'worker'));
				}
				await waitForWebhook(`${baseUrl}/webhook/sonoran-kick`, started[0]);
				const deadline = Date.now() + 120_000;
				while (!started.slice(1).every((w) => /n8n worker is now ready/.test(w.log()))) {
					expect(
						Date.now() < deadline,
						`a worker did not start:\n${started.map((s) => s.log().slice(-1500)).join('\n---\n')}`,
					);
					expect(
						started.every((s) => s.child.exitCode === null),
						'an n8n process exited',
					);
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
			},
		);

		const byWorker = () =>
			started.slice(1).map((w) => (w.log().match(/Worker finished execution/g) ?? []).length);

		await check(
			`queue mode, v1: ${V1_CALLS} webhook calls at once all answer with their kick, each unit kicked once`,
			async () => {
				const t0 = Date.now();
				const answers = await burst(
					`${baseUrl}/webhook/sonoran-kick`,
					Array.from({ length: V1_CALLS }, (_, i) => ({
						units: [{ apiId: `STEAM:queue-${i}`, reason: 'queue test' }],
					})),
				);
				const seconds = (Date.now() - t0) / 1000;
				const { kicked, failed } = summarize(answers);
				const kicks = emulator.kicks
					.filter((k) => String(k.apiId).startsWith('STEAM:queue-'))
					.map((k) => k.apiId);
				const v1Requests = emulator.requests.filter((r) => r.path === '/emergency/kick_unit');
				const refused = v1Requests.filter((r) => r.status === 429).length;
				console.log(
					`      ${kicked}/${V1_CALLS} kicked in ${seconds.toFixed(1)} s; ${v1Requests.length} requests, ${refused} answered 429; executions per worker ${byWorker()}`,
				);
				expect(
					failed.length === 0,
					`${failed.length} calls did not kick: ${JSON.stringify(failed.slice(0, 3))}`,
				);
				expect(
					kicks.length === V1_CALLS && new Set(kicks).size === V1_CALLS,
					`kicks: ${kicks.length}, distinct ${new Set(kicks).size}`,
				);
			},
		);

		await check(
			`queue mode, v2: ${V2_CALLS} linked players at once (20 kicks a minute), each kicked once`,
			async () => {
				const t0 = Date.now();
				const answers = await burst(
					`${baseUrl}/webhook/sonoran-kick-linked`,
					Array.from({ length: V2_CALLS }, (_, i) => ({
						players: [{ communityUserId: `cu-q${i}` }],
					})),
				);
				const seconds = (Date.now() - t0) / 1000;
				const { kicked, failed } = summarize(answers);
				const kicks = emulator.kicks.filter((k) =>
					String(k.communityUserId ?? '').startsWith('cu-q'),
				);
				const v2Requests = emulator.requests.filter(
					(r) => r.path === '/v2/emergency/servers/1/units/kick',
				);
				const refused = v2Requests.filter((r) => r.status === 429).length;
				console.log(
					`      ${kicked}/${V2_CALLS} kicked in ${seconds.toFixed(1)} s; ${v2Requests.length} requests, ${refused} answered 429`,
				);
				expect(
					failed.length === 0,
					`${failed.length} calls did not kick: ${JSON.stringify(failed.slice(0, 3))}`,
				);
				expect(
					kicks.length === V2_CALLS &&
						new Set(kicks.map((k) => k.communityUserId)).size === V2_CALLS,
					`kicks: ${kicks.length}`,
				);
			},
		);
	} finally {
		for (const server of started.reverse()) await stopServer(server);
		if (postgres) await postgres.stop();
		if (redis) await redis.stop();
		await emulator.close();
	}
}

module.exports = { queueModeChecks };

if (require.main === module) {
	// `node test/e2e/queue-mode.js`: the queue-mode checks alone (npm run test:e2e runs them too).
	const os = require('node:os');
	const { ensureN8n } = require('./install-n8n');
	const { results, stageExtension } = require('./helpers');
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonorancad-e2e-'));
	queueModeChecks({ install: ensureN8n(), extensionsDir: stageExtension(workDir), workDir })
		.catch((error) => results.push({ name: String(error), ok: false }))
		.finally(() => {
			fs.rmSync(workDir, { recursive: true, force: true });
			const passed = results.filter((result) => result.ok).length;
			console.log(`${passed} passed, ${results.length - passed} failed`);
			process.exitCode = passed === results.length && passed > 0 ? 0 : 1;
		});
}
