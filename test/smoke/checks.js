'use strict';
/**
 * What the smoke check asks Sonoran, and what this package expects it to answer: the emulator's
 * choices (CONTRIBUTING.md, "The emulator"), which the node's handling of answers relies on. Each check
 * sends one request through the package's own transport and reads it with its answers module.
 * Read-only unless a kick target is given.
 */

const UNKNOWN_SERVER = 987654;
const MADE_UP_API_ID = 'SMOKE:made-up-api-id-0000';

const json = (text) => {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
};
const isList = (value) => Array.isArray(value) || Array.isArray(value?.units);

/**
 * @param {object} lib the built package's modules: endpoints
 * @param {{ kick?: string }} options
 * Each check: name, what is expected, the request (v1: endpoint and data; v2: endpoint and call),
 * and `agrees(answer, verdict, context)`; `context.plan` is the plan read by the first check.
 */
function smokeChecks(lib, { kick } = {}) {
	const { endpoints } = lib;
	const wrongPath = {
		...endpoints.GET_VERSION_V1,
		operation: 'Wrong path',
		type: 'GET_VERSION',
		path: 'general/no_such_endpoint_smoke',
	};
	const needsPlan = (plan, minPlan, answer) =>
		plan >= minPlan ? answer.statusCode === 200 : [400, 403].includes(answer.statusCode);
	/** @typedef {{ endpoint: object, data: object[] }} V1Check */
	/** @type {Array<{ name: string, expected: string, v1?: V1Check, v2?: { endpoint: object, call: object }, agrees: Function }>} */
	const checks = [
		{
			name: 'v1 GET_VERSION (credential and plan)',
			expected: '200, text starting with the plan number',
			v1: { endpoint: endpoints.GET_VERSION_V1, data: [] },
			agrees: (answer, verdict, context) => {
				const plan = /^\d+/.exec(answer.text.trim())?.[0];
				if (plan !== undefined) context.plan = Number(plan);
				return verdict.ok && plan !== undefined;
			},
		},
		{
			name: 'v2 GET /v2/general/version',
			expected: '200, JSON {version, name}, version = the v1 plan',
			v2: {
				endpoint: endpoints.GET_VERSION_V2,
				call: {},
			},
			agrees: (answer, verdict, context) =>
				verdict.ok && Number(json(answer.text)?.version) === context.plan,
		},
		{
			name: 'v1 GET_ACTIVE_UNITS, server 1',
			expected: '200 JSON list of units (PLUS and up), else 400 API ENDPOINT IS NOT ENABLED…',
			v1: {
				endpoint: endpoints.GET_ACTIVE_UNITS_V1,
				data: [{ serverId: 1, onlyUnits: true, includeOffline: false, limit: 5, offset: 0 }],
			},
			agrees: (answer, _verdict, context) =>
				needsPlan(context.plan, 3, answer) &&
				(answer.statusCode !== 200 || Array.isArray(json(answer.text))),
		},
		{
			name: 'v2 GET …/servers/1/units',
			expected: '200 JSON list of units (or {units}) on PLUS and up, else 403 problem',
			v2: {
				endpoint: endpoints.GET_ACTIVE_UNITS_V2,
				call: { params: { serverId: 1 }, qs: { limit: 5, offset: 0 } },
			},
			agrees: (answer, _verdict, context) =>
				needsPlan(context.plan, 3, answer) &&
				(answer.statusCode !== 200 || isList(json(answer.text))),
		},
		{
			name: 'v2 GET /v2/general/servers',
			expected: '200 JSON {servers: [{id, name, …}]}',
			v2: {
				endpoint: endpoints.GET_SERVERS_V2,
				call: {},
			},
			agrees: (answer) => answer.statusCode === 200 && Array.isArray(json(answer.text)?.servers),
		},
		{
			name: 'v2 GET …/servers/1/calls',
			expected: '200 JSON with activeCalls, emergencyCalls, closedCalls (any case) on PLUS and up',
			v2: {
				endpoint: endpoints.GET_CALLS_V2,
				call: { params: { serverId: 1 }, qs: { closedLimit: 1 } },
			},
			agrees: (answer, _verdict, context) => {
				if (!needsPlan(context.plan, 3, answer)) return false;
				if (answer.statusCode !== 200) return true;
				const body = json(answer.text) ?? {};
				return ['activeCalls', 'emergencyCalls', 'closedCalls'].every((key) =>
					Array.isArray(body[key] ?? body[key[0].toUpperCase() + key.slice(1)]),
				);
			},
		},
		{
			name: 'v2 GET /v2/general/accounts (1 account)',
			expected: '200 JSON {pagination, accounts: [...]} on PLUS and up, else 403 problem',
			v2: {
				endpoint: endpoints.GET_ACCOUNTS_V2,
				call: { qs: { limit: 1, offset: 0, status: 1 } },
			},
			agrees: (answer, _verdict, context) =>
				needsPlan(context.plan, 3, answer) &&
				(answer.statusCode !== 200 || Array.isArray(json(answer.text)?.accounts)),
		},
		{
			name: 'v2 GET /v2/general/templates',
			expected: '200 JSON list of templates {recordTypeId, name, type, sections[{fields[{uid}]}]}',
			v2: {
				endpoint: endpoints.GET_TEMPLATES_V2,
				call: {},
			},
			agrees: (answer, _verdict, context) => {
				if (!needsPlan(context.plan, 3, answer)) return false;
				if (answer.statusCode !== 200) return true;
				const templates = json(answer.text);
				return (
					Array.isArray(templates) &&
					templates.every(
						(template) => 'recordTypeId' in template && Array.isArray(template.sections),
					)
				);
			},
		},
		{
			name: 'v2 POST /v2/general/lookups (a plate no one has)',
			expected: '200 JSON list of records (empty) on PLUS and up',
			v2: {
				endpoint: endpoints.LOOKUP_NAME_OR_PLATE_V2,
				call: { body: { plate: 'N8NSMOKE0', partial: false } },
			},
			agrees: (answer, _verdict, context) =>
				needsPlan(context.plan, 3, answer) &&
				(answer.statusCode !== 200 || Array.isArray(json(answer.text))),
		},
		{
			name: 'v2 GET /v2/integration-panels',
			expected:
				'200 JSON list of panels {key, name, definition, instances[{instanceKey, state, revision}]}',
			v2: { endpoint: endpoints.LIST_PANELS_V2, call: {} },
			agrees: (answer) => {
				if (answer.statusCode !== 200) return false;
				const panels = json(answer.text);
				return (
					Array.isArray(panels) &&
					panels.every((panel) => typeof panel.key === 'string' && Array.isArray(panel.instances))
				);
			},
		},
		{
			name: 'v2 GET /v2/integration-panels/n8n-smoke-no-such-panel',
			expected: '404 application/problem+json (a panel that does not exist)',
			v2: {
				endpoint: endpoints.GET_PANEL_V2,
				call: { params: { panelKey: 'n8n-smoke-no-such-panel' } },
			},
			agrees: (answer) =>
				answer.statusCode === 404 &&
				/problem\+json/.test(String(answer.headers['content-type'] ?? '')),
		},
		{
			name: `v2 unknown server ${UNKNOWN_SERVER}`,
			expected: '404 application/problem+json',
			v2: {
				endpoint: endpoints.GET_ACTIVE_UNITS_V2,
				call: { params: { serverId: UNKNOWN_SERVER } },
			},
			agrees: (answer) =>
				answer.statusCode === 404 &&
				/problem\+json/.test(String(answer.headers['content-type'] ?? '')),
		},
		{
			name: 'v1 wrong path',
			expected: '200 "Backend Service Reached" (the node reports it as an error)',
			v1: { endpoint: wrongPath, data: [] },
			agrees: (answer, verdict) =>
				answer.statusCode === 200 && /backend service reached/i.test(answer.text) && !verdict.ok,
		},
	];
	if (kick) {
		checks.push(
			{
				name: 'v1 KICK_UNIT of the named unit',
				expected: '200 UNIT KICKED (404 when it is not on duty)',
				v1: {
					endpoint: endpoints.KICK_UNIT_V1,
					data: [{ apiId: kick, reason: 'a Sonoran CAD smoke check', serverId: 1 }],
				},
				agrees: (answer) =>
					(answer.statusCode === 200 && answer.text.trim().toUpperCase() === 'UNIT KICKED') ||
					answer.statusCode === 404,
			},
			{
				name: 'v1 KICK_UNIT of the unit and a made-up API ID',
				expected: '404, the whole batch refused (the emulator kicks nothing); undocumented',
				v1: {
					endpoint: endpoints.KICK_UNIT_V1,
					data: [
						{ apiId: kick, reason: 'a Sonoran CAD smoke check', serverId: 1 },
						{ apiId: MADE_UP_API_ID, reason: 'a Sonoran CAD smoke check', serverId: 1 },
					],
				},
				agrees: (answer) => answer.statusCode === 404,
			},
		);
	}
	return checks;
}

module.exports = { smokeChecks };
