'use strict';
/**
 * A local emulator of the Sonoran CAD v1 API, as documented (see README, "The emulator").
 * It listens on 127.0.0.1 only, holds a set of active units, and lets a test queue faults.
 *
 *   const emulator = await startEmulator({ units: [{ apiId: 'STEAM:1', serverId: 1 }] });
 *   emulator.url, emulator.requests, emulator.kicks, emulator.activeUnits(), emulator.queueFault({...})
 *
 * Run outside jest: `node test/emulator/sonoran-emulator.js [--port 8080]`.
 */
const http = require('node:http');

const PLAN_STANDARD = 2;

const ANSWERS = {
	kicked: 'UNIT KICKED',
	backendReached: 'Backend Service Reached',
	invalidType: 'INVALID REQUEST TYPE',
	invalidCommunity: 'INVALID COMMUNITY ID',
	apiDisabled: 'API IS NOT ENABLED FOR THIS COMMUNITY',
	invalidKey: 'INVALID API KEY',
	endpointDisabled: 'API ENDPOINT IS NOT ENABLED FOR THIS COMMUNITY',
	// The 404 body for an unknown API ID is undocumented (changelog 3.0.0 names only the status).
	unitNotFound: 'UNIT NOT FOUND',
};

/** v1 routes: path → { type, minimum plan, handler }. */
const V1_ROUTES = {
	'/general/get_version': {
		type: 'GET_VERSION',
		minPlan: 0,
		handle: (state) => text(200, String(state.plan)),
	},
	'/emergency/kick_unit': { type: 'KICK_UNIT', minPlan: PLAN_STANDARD, handle: kickUnits },
};

function text(status, body, headers = {}) {
	return { status, body, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } };
}

/**
 * The undocumented case of a batch that names an unknown API ID is answered as one refusal:
 * 404 and nothing kicked, so a client must isolate the unknown units itself.
 */
function kickUnits(state, data) {
	const targets = Array.isArray(data) ? data : [];
	if (targets.length === 0) return text(400, ANSWERS.invalidType);
	const unknown = targets.filter((target) => !state.units.has(unitKey(target)));
	if (unknown.length > 0) return text(404, ANSWERS.unitNotFound);
	for (const target of targets) {
		state.units.delete(unitKey(target));
		state.kicks.push({ apiId: target.apiId, reason: target.reason, serverId: target.serverId });
	}
	return text(200, ANSWERS.kicked);
}

/** Units are active on one server; a kick names the unit by API ID and server (default 1). */
function unitKey(unit) {
	return `${unit.serverId ?? 1}|${String(unit.apiId)}`;
}

function authenticate(state, body) {
	if (String(body.id ?? '') !== state.communityId) return text(400, ANSWERS.invalidCommunity);
	if (!state.apiEnabled) return text(400, ANSWERS.apiDisabled);
	if (String(body.key ?? '') !== state.apiKey) return text(400, ANSWERS.invalidKey);
	return undefined;
}

function answerV1(state, path, rawBody) {
	const route = V1_ROUTES[path];
	if (!route) return text(200, ANSWERS.backendReached);
	let body;
	try {
		body = JSON.parse(rawBody);
	} catch {
		return text(400, ANSWERS.invalidType);
	}
	if (body === null || typeof body !== 'object') return text(400, ANSWERS.invalidType);
	const refused = authenticate(state, body);
	if (refused) return refused;
	if (body.type !== route.type) return text(400, ANSWERS.invalidType);
	if (state.plan < route.minPlan) return text(400, ANSWERS.endpointDisabled);
	return route.handle(state, body.data);
}

/**
 * Faults, applied to the next matching requests in queue order:
 *   { status, body, headers }  answer this instead of the real answer (nothing is applied)
 *   { delayMs }                wait before answering (the real answer, applied)
 *   { drop: true }             destroy the connection without answering (nothing is applied)
 *   { path: '/emergency/kick_unit' } limits a fault to one path; { times: n } repeats it n times.
 */
function takeFault(state, path) {
	const index = state.faults.findIndex((fault) => !fault.path || fault.path === path);
	if (index === -1) return undefined;
	const fault = state.faults[index];
	fault.times = (fault.times ?? 1) - 1;
	if (fault.times <= 0) state.faults.splice(index, 1);
	return fault;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function handle(state, request, response) {
	const chunks = [];
	for await (const chunk of request) chunks.push(chunk);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const path = new URL(request.url, 'http://emulator').pathname.replace(/\/+$/, '') || '/';
	const record = {
		method: request.method,
		path,
		headers: request.headers,
		rawBody,
		at: Date.now(),
		status: 0,
	};
	state.requests.push(record);

	const fault = takeFault(state, path);
	if (fault?.delayMs) await sleep(fault.delayMs);
	if (fault?.drop) {
		request.socket.destroy();
		return;
	}
	let answer;
	if (fault?.status)
		answer = { status: fault.status, body: fault.body ?? '', headers: fault.headers ?? {} };
	else if (request.method !== 'POST') answer = text(200, ANSWERS.backendReached);
	else answer = answerV1(state, path, rawBody);
	if (response.destroyed) return;
	record.status = answer.status;
	response.writeHead(answer.status, answer.headers);
	response.end(answer.body);
}

/**
 * @param {object} [options]
 * @param {Array<{apiId: string, serverId?: number, name?: string}>} [options.units] active units
 * @param {string} [options.communityId] @param {string} [options.apiKey]
 * @param {number} [options.plan] 0 FREE … 6 SONORAN ONE (default 4, PRO)
 * @param {boolean} [options.apiEnabled] @param {number} [options.port] 0 = a free port
 */
async function startEmulator(options = {}) {
	/**
	 * @typedef {{ method: string, path: string, headers: Record<string, string | string[] | undefined>, rawBody: string, at: number, status: number }} RecordedRequest
	 *   `status` is what was answered; 0 when the connection was dropped or the client had gone.
	 * @typedef {{ apiId: string, reason: string, serverId: number }} RecordedKick
	 * @typedef {{ status?: number, body?: string, headers?: Record<string, string>, delayMs?: number, drop?: boolean, path?: string, times?: number }} Fault
	 */
	const state = {
		communityId: options.communityId ?? 'demo-community',
		apiKey: options.apiKey ?? 'demo-api-key',
		plan: options.plan ?? 4,
		apiEnabled: options.apiEnabled ?? true,
		units: /** @type {Map<string, {apiId: string, serverId: number}>} */ (new Map()),
		kicks: /** @type {RecordedKick[]} */ ([]),
		requests: /** @type {RecordedRequest[]} */ ([]),
		faults: /** @type {Fault[]} */ ([]),
	};
	for (const unit of options.units ?? []) state.units.set(unitKey(unit), { serverId: 1, ...unit });

	const server = http.createServer((request, response) => {
		handle(state, request, response).catch((error) => {
			response.writeHead(500, { 'content-type': 'text/plain' });
			response.end(`emulator error: ${error.message}`);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', resolve);
	});
	const { port } = server.address();

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		communityId: state.communityId,
		apiKey: state.apiKey,
		state,
		get requests() {
			return state.requests;
		},
		get kicks() {
			return state.kicks;
		},
		/**
		 * Requests to one path, their JSON bodies parsed.
		 * @param {string} path
		 * @returns {any[]}
		 */
		bodiesTo(path) {
			return state.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.rawBody));
		},
		activeUnits() {
			return [...state.units.values()];
		},
		/** @param {Array<{apiId: string, serverId?: number}>} units */
		addUnits(units) {
			for (const unit of units) state.units.set(unitKey(unit), { serverId: 1, ...unit });
		},
		clearUnits() {
			state.units.clear();
		},
		/** @param {Fault} fault */
		queueFault(fault) {
			state.faults.push({ ...fault });
		},
		/** @param {{ plan?: number, apiEnabled?: boolean, apiKey?: string, communityId?: string }} settings */
		set(settings) {
			Object.assign(state, settings);
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startEmulator, ANSWERS };

if (require.main === module) {
	const portFlag = process.argv.indexOf('--port');
	const port = portFlag === -1 ? 0 : Number(process.argv[portFlag + 1]);
	const units = ['STEAM:11000010a1b2c3d', 'DISCORD:228541962184122368', 'FIVEM:1234567'].map(
		(apiId) => ({ apiId }),
	);
	startEmulator({ port, units }).then((emulator) => {
		process.stdout.write(
			`Sonoran CAD emulator on ${emulator.url}\n` +
				`community ID "${emulator.communityId}", API key "${emulator.apiKey}", ${units.length} active units on server 1\n`,
		);
	});
}
