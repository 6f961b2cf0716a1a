'use strict';
/**
 * The v2 routes: REST with `Authorization: Bearer <key>`, JSON answers, errors as
 * `application/problem+json`, and each endpoint's documented limit per minute per key (429 with
 * Retry-After beyond it). Undocumented choices: a plan too low is 403; a kick array answers 200
 * with the units it found; a single kick of an unknown unit is 404.
 */
const PLAN_NAMES = {
	0: 'FREE',
	1: 'STARTER',
	2: 'STANDARD',
	3: 'PLUS',
	4: 'PRO',
	6: 'SONORAN ONE',
};
const WINDOW_MS = 60_000;

const { json, problem } = require('./v2-answers');
const { CALL_ROUTES } = require('./v2-call-routes');
const { CONFIG_ROUTES } = require('./v2-config-routes');
const { GENERAL_ROUTES } = require('./v2-general-routes');
const { PANEL_ROUTES } = require('./v2-panel-routes');
const { PEOPLE_ROUTES } = require('./v2-people-routes');

const TARGET_FIELDS = ['communityUserId', 'roblox', 'discord'];

function kick(state, { serverId, body }) {
	const entries = Array.isArray(body) ? body : [body];
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object' || !entry.reason) {
			return problem(400, 'Bad Request', 'Each kick needs a target and a reason.');
		}
		if (TARGET_FIELDS.filter((field) => entry[field] !== undefined).length !== 1) {
			return problem(
				400,
				'Bad Request',
				'Name the unit by exactly one of communityUserId, roblox or discord.',
			);
		}
	}
	const kicked = [];
	for (const entry of entries) {
		const field = TARGET_FIELDS.find((name) => entry[name] !== undefined);
		const unit = state.units.find(serverId, field, entry[field]);
		if (!unit) continue;
		state.units.remove(unit);
		state.kicks.push({ [field]: entry[field], reason: entry.reason, serverId });
		kicked.push({
			identId: unit.identId,
			communityUserId: unit.communityUserId ?? null,
			reason: entry.reason,
		});
	}
	if (!Array.isArray(body)) {
		return kicked.length
			? json(200, { identId: kicked[0].identId, reason: kicked[0].reason })
			: problem(404, 'Not Found', 'No active unit matches the given identity on this server.');
	}
	return json(200, { count: kicked.length, kicked });
}

const STATUS_NAMES = {
	0: 'UNAVAILABLE',
	1: 'BUSY',
	2: 'AVAILABLE',
	3: 'ENROUTE',
	4: 'ON_SCENE',
	100: 'OFFLINE',
};

/**
 * The units a status or panic request names on the server (`communityUserId`,
 * `communityUserIds`, `accountUuid`, `identIds`), or a 400 answer.
 */
function namedUnits(state, serverId, body) {
	const lists = {
		communityUserId: body?.communityUserId === undefined ? [] : [body.communityUserId],
		communityUserIds: body?.communityUserIds ?? [],
		accountUuid: body?.accountUuid === undefined ? [] : [body.accountUuid],
		identIds: body?.identIds ?? [],
	};
	if (Object.values(lists).some((list) => !Array.isArray(list))) {
		return { answer: problem(400, 'Bad Request', 'communityUserIds and identIds must be lists.') };
	}
	if (Object.values(lists).every((list) => list.length === 0)) {
		return {
			answer: problem(
				400,
				'Bad Request',
				'Provide at least one target using communityUserId, communityUserIds, accountUuid, or identIds.',
			),
		};
	}
	const field = {
		communityUserId: 'communityUserId',
		communityUserIds: 'communityUserId',
		accountUuid: 'accId',
		identIds: 'identId',
	};
	const found = new Set();
	for (const [name, values] of Object.entries(lists)) {
		for (const value of values) {
			const unit = state.units.find(serverId, field[name], value);
			if (unit) found.add(unit);
		}
	}
	if (found.size === 0) {
		return {
			answer: problem(404, 'Not Found', 'No active unit matches the given targets on this server.'),
		};
	}
	return { units: [...found] };
}

function setStatus(state, { serverId, body }) {
	if (!(String(body?.status) in STATUS_NAMES) || typeof body.status !== 'number') {
		return problem(400, 'Bad Request', 'status must be a UNIT_STATUS number (0-4 or 100).');
	}
	const named = namedUnits(state, serverId, body);
	if (named.answer) return named.answer;
	for (const unit of named.units) unit.status = body.status;
	state.statusChanges.push({ serverId, body });
	return json(200, { updated: named.units.length, status: STATUS_NAMES[body.status] });
}

function setPanic(state, { serverId, body }) {
	if (typeof body?.isPanic !== 'boolean') {
		return problem(400, 'Bad Request', 'isPanic must be true or false.');
	}
	const named = namedUnits(state, serverId, body);
	if (named.answer) return named.answer;
	for (const unit of named.units) unit.isPanic = body.isPanic;
	return json(200, { updated: named.units.length, isPanic: body.isPanic });
}

function units(state, { serverId, query }) {
	const limit = query.limit === undefined ? 100 : Number(query.limit);
	if (!(limit >= 1 && limit <= 100))
		return problem(400, 'Bad Request', 'limit must be between 1 and 100.');
	return json(
		200,
		state.units.list(
			{
				serverId,
				limit,
				offset: Number(query.offset ?? 0),
				onlyUnits: query.onlyUnits !== 'false',
				includeOffline: query.includeOffline === 'true',
			},
			true,
		),
	);
}

const ROUTES = [
	{
		name: 'kick',
		method: 'POST',
		pattern: /^\/v2\/emergency\/servers\/(\d+)\/units\/kick$/,
		perMinute: 20,
		minPlan: 2,
		handle: kick,
	},
	{
		name: 'units',
		method: 'GET',
		pattern: /^\/v2\/emergency\/servers\/(\d+)\/units$/,
		perMinute: 3,
		minPlan: 3,
		handle: units,
	},
	{
		name: 'status',
		method: 'PATCH',
		pattern: /^\/v2\/emergency\/servers\/(\d+)\/units\/status$/,
		perMinute: 30,
		minPlan: 2,
		handle: setStatus,
	},
	{
		name: 'panic',
		method: 'PATCH',
		pattern: /^\/v2\/emergency\/servers\/(\d+)\/units\/panic$/,
		perMinute: 20,
		minPlan: 2,
		handle: setPanic,
	},
	{
		name: 'version',
		method: 'GET',
		pattern: /^\/v2\/general\/version$/,
		perMinute: 10,
		minPlan: 0,
		handle: (state) => json(200, { version: state.plan, name: PLAN_NAMES[state.plan] }),
	},
	{
		name: 'servers',
		method: 'GET',
		pattern: /^\/v2\/general\/servers$/,
		perMinute: 10,
		minPlan: 2,
		handle: (state) =>
			json(200, {
				servers: state.servers.map((id) => ({
					id,
					name: id === 1 ? 'Main Server' : `Server ${id}`,
					description: '',
					signal: '',
					mapUrl: '',
					mapIp: '',
					mapPort: '30120',
					differingOutbound: false,
					outboundIp: '',
					listenerPort: '3232',
					enableMap: false,
					isStatic: false,
					mapType: 'NORMAL',
				})),
			}),
	},
	...CALL_ROUTES,
	...GENERAL_ROUTES,
	...PANEL_ROUTES,
	...PEOPLE_ROUTES,
	...CONFIG_ROUTES,
];

/** Sliding window per route: at most `perMinute` requests in any minute. */
function rateLimited(state, route, now) {
	if (!state.v2RateLimits) return undefined;
	const log = (state.v2Calls[route.name] ??= []);
	while (log.length && log[0] <= now - WINDOW_MS) log.shift();
	if (log.length >= (state.v2Limits[route.name] ?? route.perMinute)) {
		const retryAfter = Math.ceil(((log[0] ?? now) + WINDOW_MS - now) / 1000);
		return json(
			429,
			{ message: 'API rate limit exceeded', request_id: 'emulator' },
			{ 'retry-after': String(retryAfter) },
		);
	}
	log.push(now);
	return undefined;
}

/** The answer to a v2 request, or undefined when the path is not a v2 route. */
function answerV2(state, request) {
	const route = ROUTES.find(
		(candidate) => candidate.method === request.method && candidate.pattern.test(request.path),
	);
	if (!route) return undefined;
	const auth = String(request.headers.authorization ?? '');
	if (!/^Bearer /.test(auth))
		return problem(401, 'Unauthorized', 'Missing or malformed Authorization header.');
	if (auth.slice('Bearer '.length) !== state.apiKey)
		return problem(401, 'Unauthorized', 'Invalid API key.');
	const limited = rateLimited(state, route, Date.now());
	if (limited) return limited;
	if (state.plan < route.minPlan) {
		return problem(
			403,
			'Forbidden',
			`This endpoint requires the ${PLAN_NAMES[route.minPlan]} plan or higher.`,
		);
	}
	const match = route.pattern.exec(request.path) ?? [];
	const onServer = route.server !== false && match[1] !== undefined;
	const serverId = onServer ? Number(match[1]) : 0;
	if (onServer && !state.servers.includes(serverId)) {
		return problem(404, 'Not Found', `Server ${serverId} is not configured for this community.`);
	}
	let body;
	if (request.rawBody) {
		try {
			body = JSON.parse(request.rawBody);
		} catch {
			return problem(400, 'Bad Request', 'The body is not JSON.');
		}
	}
	return route.handle(state, { serverId, body, query: request.query, match });
}

module.exports = { answerV2, ROUTES };
