'use strict';
/**
 * Real Redis and PostgreSQL for n8n's queue mode, as deployments run them: Debian's packages,
 * installed when missing, each started on 127.0.0.1 on a free port with its data in a throw-away
 * folder, and stopped by its PID.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort } = require('./n8n-process');

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
	}
	return result.stdout;
}

function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((version) => fs.existsSync(path.join(root, version, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

/** Installs Debian's redis-server and postgresql when they are not there yet (we are root). */
function ensureServices() {
	const missing = [];
	if (spawnSync('redis-server', ['--version']).status !== 0) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return;
	console.log(`installing ${missing.join(' and ')} (Debian packages)...`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run('apt-get', ['update'], { env });
	run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

async function waitFor(probe, what, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (!probe()) {
		if (Date.now() > deadline) throw new Error(`${what} did not start in ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Stops a process by its PID and waits until it is gone. */
async function stopPid(child, signal = 'SIGTERM') {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

/** A throw-away folder of the service's own, removed when it stops. */
function serviceFolder(name) {
	return fs.mkdtempSync(path.join(os.tmpdir(), `sonorancad-${name}-`));
}

async function startRedis() {
	const port = await freePort();
	const dir = serviceFolder('redis');
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{ stdio: 'ignore' },
	);
	await waitFor(
		() =>
			spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'])
				.stdout?.toString()
				.trim() === 'PONG',
		'redis-server',
	);
	return {
		port,
		pid: child.pid,
		stop: async () => {
			await stopPid(child);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * PostgreSQL refuses to run as root: the cluster belongs to Debian's `postgres` user, in a
 * throw-away folder, listening on 127.0.0.1 only, with a password for n8n's connection.
 */
async function startPostgres() {
	const bin = postgresBinDir();
	const port = await freePort();
	const dir = serviceFolder('postgres');
	const data = path.join(dir, 'data');
	run('chown', ['postgres:postgres', dir]);
	// Started as Debian's postgres user directly (we are root), so its PID is the server's own.
	const account = {
		uid: Number(run('id', ['-u', 'postgres'])),
		gid: Number(run('id', ['-g', 'postgres'])),
	};
	const password = 'n8n-e2e-password';
	const passwordFile = path.join(dir, 'password');
	fs.writeFileSync(passwordFile, password);
	run('chown', ['postgres:postgres', passwordFile]);
	run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'n8n', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8'],
		{ ...account, cwd: dir },
	);
	const child = spawn(
		path.join(bin, 'postgres'),
		['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir],
		{ ...account, cwd: dir, stdio: 'ignore' },
	);
	await waitFor(
		() =>
			spawnSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]).status === 0,
		'postgres',
	);
	const env = { ...process.env, PGPASSWORD: password };
	run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], {
		env,
	});
	return {
		port,
		pid: child.pid,
		database: 'n8n',
		user: 'n8n',
		password,
		/** `SELECT` through psql, rows as tab-separated text. */
		query: (sql) =>
			run(
				path.join(bin, 'psql'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'n8n', '-At', '-c', sql],
				{ env },
			),
		// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for n8n's connections).
		stop: async () => {
			await stopPid(child, 'SIGINT');
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { ensureServices, startPostgres, startRedis };
