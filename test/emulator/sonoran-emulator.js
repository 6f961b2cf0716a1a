'use strict';
/**
 * A local emulator of the Sonoran CAD API, v1 and v2, as documented (see CONTRIBUTING.md, "The emulator").
 * It listens on 127.0.0.1 only, holds a set of active units, and lets a test queue faults.
 *
 *   const emulator = await startEmulator({ units: [{ apiId: 'STEAM:1', serverId: 1 }] });
 *   emulator.url, emulator.requests, emulator.kicks, emulator.activeUnits(), emulator.queueFault({...})
 *
 * Run outside jest: `node test/emulator/sonoran-emulator.js [--port 8080]`.
 */
const http = require('node:http');

const { CallStore } = require('./calls');
const { CommunityStore } = require('./community');
const { PeopleStore } = require('./people');
const { ConfigurationStore } = require('./configuration');
const { PanelStore, showAction } = require('./panels');
const { UnitStore } = require('./units');
const { answerV1, text } = require('./v1-routes');
const { answerV2 } = require('./v2-routes');

/**
 * Faults, applied to the next matching requests in queue order:
 *   { status, body, headers }  answer this instead of the real answer (nothing is applied)
 *   { delayMs }                wait before answering (the real answer, applied)
 *   { drop: true }             destroy the connection without answering (nothing is applied)
 *   { path: '/emergency/kick_unit' } limits a fault to one path; { times: n } repeats it n times.
 *   { bodyIncludes: 'text' }   limits it to requests whose body holds that text (one entry's ID).
 *   { applied: true, ... }     applies the request first, then fails as the fault says (a
 *                              status, a drop, or the real answer held for delayMs), as a proxy
 *                              in front of Sonoran can do.
 */
function takeFault(state, path, rawBody) {
	const index = state.faults.findIndex(
		(fault) =>
			(!fault.path || fault.path === path) &&
			(!fault.bodyIncludes || rawBody.includes(fault.bodyIncludes)),
	);
	if (index === -1) return undefined;
	const fault = state.faults[index];
	fault.times = (fault.times ?? 1) - 1;
	if (fault.times <= 0) state.faults.splice(index, 1);
	return fault;
}

/** Epoch milliseconds with sub-millisecond resolution, for timing what the emulator saw. */
function now() {
	return performance.timeOrigin + performance.now();
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

async function handle(state, request, response) {
	const chunks = [];
	for await (const chunk of request) chunks.push(chunk);
	const rawBody = Buffer.concat(chunks).toString('utf8');
	const url = new URL(request.url, 'http://emulator');
	const path = url.pathname.replace(/\/+$/, '') || '/';
	const record = {
		method: request.method,
		path,
		query: Object.fromEntries(url.searchParams),
		headers: request.headers,
		rawBody,
		at: now(),
		status: 0,
	};
	state.requests.push(record);

	const fault = takeFault(state, path, rawBody);
	const realAnswer = () =>
		answerV1(state, request.method, path, rawBody) ??
		answerV2(state, {
			method: request.method,
			path,
			headers: request.headers,
			rawBody,
			query: record.query,
		}) ??
		// Sonoran answers any other path with 200 and does nothing.
		text(200, 'Backend Service Reached');
	const applied = fault?.applied ? realAnswer() : undefined;
	if (applied) record.applied = applied.status;
	if (state.latencyMs) await sleep(state.latencyMs);
	if (fault?.delayMs) await sleep(fault.delayMs);
	if (fault?.drop) {
		request.socket.destroy();
		return;
	}
	const answer = fault?.status
		? { status: fault.status, body: fault.body ?? '', headers: fault.headers ?? {} }
		: (applied ?? realAnswer());
	if (response.destroyed) return;
	record.status = answer.status;
	record.answeredAt = now();
	response.writeHead(answer.status, answer.headers);
	response.end(answer.body);
}

/**
 * @param {object} [options]
 * @param {import('./units').UnitSpec[]} [options.units] active units
 * @param {Array<{username: string, uuid?: string, communityUserId?: string, discord?: string, roblox?: number, status?: number}>} [options.accounts] community accounts
 * @param {string} [options.communityId] @param {string} [options.apiKey]
 * @param {number} [options.plan] 0 FREE … 6 SONORAN ONE (default 4, PRO)
 * @param {boolean} [options.apiEnabled] @param {number} [options.port] 0 = a free port
 * @param {number[]} [options.servers] the community's servers (default 1, 2, 3)
 * @param {boolean} [options.callListCamelCase] Get Calls in the page's earlier camelCase
 * @param {boolean} [options.v2RateLimits] whether v2 routes enforce their limits (default true)
 * @param {number} [options.latencyMs] a simulated round trip
 * @param {{ burst: number, intervalMs: number }} [options.v1Limit] v1's unpublished limit, simulated
 * @param {Record<string, number>} [options.v2Limits] lower limits per minute, by route name
 */
async function startEmulator(options = {}) {
	/**
	 * @typedef {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string | string[] | undefined>, rawBody: string, at: number, status: number, answeredAt?: number, applied?: number }} RecordedRequest
	 *   `status` is what was answered; 0 when the connection was dropped or the client had gone.
	 * @typedef {{ status?: number, body?: string, headers?: Record<string, string>, delayMs?: number, drop?: boolean, path?: string, bodyIncludes?: string, times?: number, applied?: boolean }} Fault
	 */
	const community = new CommunityStore();
	const state = {
		communityId: options.communityId ?? 'demo-community',
		apiKey: options.apiKey ?? 'demo-api-key',
		plan: options.plan ?? 4,
		apiEnabled: options.apiEnabled ?? true,
		/** Servers configured for the community (v2 answers 404 for others). */
		servers: options.servers ?? [1, 2, 3],
		/** Get Calls in the page's earlier camelCase shape instead of today's PascalCase. */
		callListCamelCase: options.callListCamelCase ?? false,
		/** Whether v2 endpoints enforce their documented limits per minute. */
		v2RateLimits: options.v2RateLimits ?? true,
		/** A simulated round trip, added to every answer. */
		latencyMs: options.latencyMs ?? 0,
		/** v1's unpublished limit, simulated when set: { burst, intervalMs } (see v1-routes.js). */
		v1Limit: options.v1Limit,
		/** Lower limits per minute for tests, by route name (kick, units, version, calls, create911…). */
		v2Limits: /** @type {Record<string, number>} */ (options.v2Limits ?? {}),
		v2Calls: /** @type {Record<string, number[]>} */ ({}),
		units: new UnitStore(),
		calls: new CallStore(),
		community,
		/** Permissions, permission keys and identifiers of the community's accounts (people.js). */
		people: new PeopleStore(community),
		panels: new PanelStore(),
		/** Dispatch templates, configuration lists, blips, drafts (configuration.js). */
		configuration: new ConfigurationStore(),
		/** Set Status requests as received, for tests of batching. */
		statusChanges: /** @type {Array<{ serverId: number, body: unknown }>} */ ([]),
		kicks: /** @type {Array<Record<string, unknown>>} */ ([]),
		requests: /** @type {RecordedRequest[]} */ ([]),
		faults: /** @type {Fault[]} */ ([]),
		/** Permission keys applied, in order (Apply Permission Key is not safe to repeat). */
		appliedKeys: /** @type {Array<{ accountUuid: string, permissionKey: string }>} */ ([]),
	};
	state.units.add(options.units ?? []);
	state.community.addAccounts(options.accounts ?? []);

	const server = http.createServer((request, response) => {
		handle(state, request, response).catch((error) => {
			response.writeHead(500, { 'content-type': 'text/plain' });
			response.end(`emulator error: ${error.message}`);
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

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
		/** Accounts, links, templates and records (see community.js). */
		get community() {
			return state.community;
		},
		/** Permissions (catalog, grants), legacy flags, permission keys, identifiers (people.js). */
		get people() {
			return state.people;
		},
		/** Dispatch templates, penal codes, postals, pager, stations, callouts, signs, blips (configuration.js). */
		get configuration() {
			return state.configuration;
		},
		/** Integration Panels: definitions, instances' state and revisions, actions and their acks. */
		get panels() {
			return state.panels;
		},
		/**
		 * A dispatcher presses a panel control: the action waits for its acknowledgement (60 s),
		 * and is returned as the poll and the push show it.
		 * @param {{ serverId?: number, panelKey: string, instanceKey?: string, actionId: string, values?: object }} spec
		 */
		pressPanel(spec) {
			return showAction(state.panels.press(spec));
		},
		/**
		 * What the FiveM resource's push event forwarding does with an event Sonoran pushed: one
		 * POST of `{key, type, data}` as JSON to the forward URL (127.0.0.1 only), no retry.
		 * @param {string} url @param {string} type @param {unknown} data
		 * @returns {Promise<{ status: number, body: string }>}
		 */
		async pushEvent(url, type, data, key = state.apiKey) {
			if (new URL(url).hostname !== '127.0.0.1')
				throw new Error('The emulator pushes to 127.0.0.1 only');
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ key, type, data }),
			});
			return { status: response.status, body: await response.text() };
		},
		/** The CAD's calls: tests create, change and close them as dispatchers would. */
		get calls() {
			return state.calls;
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
			return [...state.units.units];
		},
		/** @param {import('./units').UnitSpec[]} units */
		addUnits(units) {
			state.units.add(units);
		},
		clearUnits() {
			state.units.clear();
		},
		/** @param {Fault} fault */
		queueFault(fault) {
			state.faults.push({ ...fault });
		},
		/** @param {{ plan?: number, apiEnabled?: boolean, apiKey?: string, communityId?: string, servers?: number[], v2RateLimits?: boolean, v2Limits?: Record<string, number>, callListCamelCase?: boolean }} settings */
		set(settings) {
			Object.assign(state, settings);
		},
		async close() {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startEmulator };

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
