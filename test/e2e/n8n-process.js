'use strict';
/** Runs the installed n8n: CLI commands, and the server, quiet, offline and on free ports. */
const { spawn } = require('node:child_process');
const net = require('node:net');

/** A port that was free a moment ago on 127.0.0.1. */
async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** n8n's environment: its own user folder, the package as a custom extension, nothing external. */
function n8nEnvironment({ install, userFolder, extensionsDir, port, brokerPort }) {
	const major = Number(install.version.split('.')[0]);
	return {
		PATH: process.env.PATH,
		HOME: userFolder,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: extensionsDir,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		...(major >= 2
			? { N8N_DISABLED_MODULES: 'mcp-registry' }
			: { N8N_EXPRESSION_ENGINE: 'legacy' }),
	};
}

/**
 * The command that makes a workflow active, as each line of n8n has it: 2.x publishes a version of
 * it (`publish:workflow`); 1.x has no such command and sets it active (`update:workflow --active`).
 */
function activationArgs(install, id) {
	const major = Number(install.version.split('.')[0]);
	return major >= 2
		? ['publish:workflow', `--id=${id}`]
		: ['update:workflow', `--id=${id}`, '--active=true'];
}

/** Runs `n8n <args>` to completion. */
async function runCli(install, env, args, timeoutMs = 180_000) {
	return await new Promise((resolve, reject) => {
		const child = spawn(install.node, [install.n8n, ...args], {
			env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`n8n ${args.join(' ')} did not finish in ${timeoutMs / 1000} s`));
		}, timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

/**
 * Starts `n8n start` (or `n8n worker`) in its own process group, so that stopping it also ends
 * its task runner.
 */
function startServer(install, env, command = 'start') {
	const child = spawn(install.node, [install.n8n, command], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	return { child, log: () => log };
}

/** Stops the server started above, by its PID (its process group), and waits for it to exit. */
async function stopServer(server) {
	const { child } = server;
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(-child.pid, 'SIGTERM');
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}, 20_000);
	await exited;
	clearTimeout(timer);
}

module.exports = { activationArgs, freePort, n8nEnvironment, runCli, startServer, stopServer };
