'use strict';
/** What the end-to-end checks share: the check runner, waiting, HTTP, and reading n8n's database. */
const { emulatorCredentialData } = require('../support/emulator-credential');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
/** The id every example workflow names its Sonoran CAD credential by. */
const CREDENTIAL_ID = 'sonoranCadCredential';
/** The API key of the credential that must be refused. */
const WRONG_KEY = 'dummy-wrong-key-e2e-7d41c9';

const results = [];

async function check(name, body) {
	const started = Date.now();
	try {
		await body();
		results.push({ name, ok: true });
		console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
	} catch (error) {
		results.push({ name, ok: false });
		console.log(
			`  ✕ ${name}\n      ${String(error.stack || error)
				.split('\n')
				.slice(0, 6)
				.join('\n      ')}`,
		);
	}
}

function expect(condition, message) {
	if (!condition) throw new Error(message);
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The package as n8n loads a custom extension: the built files only. */
function stageExtension(workDir) {
	const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('npm run build failed');
	const extensionsDir = path.join(workDir, 'custom');
	fs.cpSync(path.join(ROOT, 'dist'), path.join(extensionsDir, 'n8n-nodes-sonorancad', 'dist'), {
		recursive: true,
	});
	return extensionsDir;
}

/** A Sonoran CAD API credential, as n8n imports it, pointing at the emulator. */
function emulatorCredential(emulator, { id = CREDENTIAL_ID, apiKey = emulator.apiKey } = {}) {
	return {
		id,
		name: id,
		type: 'sonoranCadApi',
		data: emulatorCredentialData(emulator, { apiKey }),
	};
}

/** An example workflow as n8n will import it: this package's types as custom-extension types. */
function exampleAs(file, id, credentialId = CREDENTIAL_ID) {
	const text = fs
		.readFileSync(path.join(EXAMPLES, file), 'utf8')
		.replaceAll('"n8n-nodes-sonorancad.', '"CUSTOM.')
		.replaceAll(`"${CREDENTIAL_ID}"`, `"${credentialId}"`);
	return { ...JSON.parse(text), id, active: false };
}

/** The JSON document in a command's output (n8n may log lines before it). */
function jsonIn(output) {
	const start = output.indexOf('{');
	expect(start !== -1, `no JSON in the output:\n${output.slice(0, 2000)}`);
	return JSON.parse(output.slice(start));
}

function nodeOutput(run, nodeName) {
	return run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** Every byte n8n stored: the database and its journal files. */
function storedBytes(userFolder) {
	const dir = path.join(userFolder, '.n8n');
	return fs
		.readdirSync(dir)
		.filter((name) => name.startsWith('database.sqlite'))
		.map((name) => fs.readFileSync(path.join(dir, name)).toString('latin1'))
		.join('\n');
}

async function waitForWebhook(url, server, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.child.exitCode !== null)
			throw new Error(`n8n exited:\n${server.log().slice(-3000)}`);
		try {
			// A registered POST webhook answers a GET with a hint to use POST; before that, 404.
			const response = await fetch(url);
			const text = await response.text();
			if (/POST/.test(text)) return;
		} catch {
			// Not listening yet.
		}
		await sleep(500);
	}
	throw new Error(
		`the webhook ${url} was not registered in ${timeoutMs / 1000} s:\n${server.log().slice(-3000)}`,
	);
}

async function postJson(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: response.status, json };
}

/** How many executions n8n stored for a workflow, read with n8n's own sqlite3 module. */
function executionCount(install, userFolder, workflowId) {
	const script = `
		const sqlite3 = require('sqlite3');
		const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
		db.get('SELECT COUNT(*) AS n FROM execution_entity WHERE workflowId = ?', [process.argv[2]], (error, row) => {
			if (error) { console.error(error.message); process.exit(1); }
			console.log(row.n);
		});`;
	const result = spawnSync(
		install.node,
		['-e', script, path.join(userFolder, '.n8n', 'database.sqlite'), workflowId],
		{ cwd: install.dir, encoding: 'utf8' },
	);
	if (result.status !== 0) throw new Error(`counting executions failed: ${result.stderr}`);
	return Number(result.stdout.trim());
}

/**
 * A stand-in for a service a workflow calls (a Discord webhook, a game server) on 127.0.0.1: it
 * records each request and answers with `answer(request)` → `{ status, json? }`.
 * @param {string} route the path of the URL it gives
 * @param {(request: { path: string | undefined, body: string }) => { status: number, json?: unknown }} answer
 */
async function startStandIn(route, answer) {
	/** @type {Array<{ path: string | undefined, body: string }>} */
	const received = [];
	const server = http.createServer((request, response) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => {
			const seen = { path: request.url, body: Buffer.concat(chunks).toString('utf8') };
			received.push(seen);
			const { status, json } = answer(seen);
			if (json === undefined) response.writeHead(status).end();
			else {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(json));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}${route}`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

async function waitUntil(condition, timeoutMs, what) {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

const OWNER = {
	email: 'owner@sonorancad-e2e.invalid',
	firstName: 'E2e',
	lastName: 'Owner',
	password: 'E2e-Password-1234',
};
/** The headers the editor sends to n8n's REST API (n8n checks the browser ID with the cookie). */
const BROWSER = { 'browser-id': 'sonorancad-e2e', 'content-type': 'application/json' };

/**
 * A signed-in owner's session cookie, as the editor holds it: sets the owner up on a fresh n8n,
 * signs in on one that has it.
 */
async function ownerCookie(baseUrl) {
	let response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: BROWSER,
		body: JSON.stringify(OWNER),
	});
	if (response.status !== 200) {
		response = await fetch(`${baseUrl}/rest/login`, {
			method: 'POST',
			headers: BROWSER,
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
	}
	if (response.status !== 200) {
		throw new Error(`signing in answered ${response.status}: ${await response.text()}`);
	}
	return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

/** POSTs to n8n's REST API as the signed-in editor; resolves with the answer's `data`. */
async function restPost(baseUrl, cookie, path, body) {
	const response = await fetch(`${baseUrl}/rest/${path}`, {
		method: 'POST',
		headers: { ...BROWSER, cookie },
		body: JSON.stringify(body),
	});
	// n8n's REST answers, as JSON: read field by field by each check.
	const json = /** @type {any} */ (await response.json());
	return { status: response.status, data: json.data ?? json };
}

module.exports = {
	WRONG_KEY,
	ownerCookie,
	restPost,
	CREDENTIAL_ID,
	check,
	emulatorCredential,
	exampleAs,
	executionCount,
	expect,
	jsonIn,
	nodeOutput,
	postJson,
	results,
	sleep,
	stageExtension,
	storedBytes,
	waitForWebhook,
	startStandIn,
	waitUntil,
};
