'use strict';
/** The v1 routes: `POST {path}` with `{id, key, type, data}`, plain-text answers (some JSON). */

const PLAN = { FREE: 0, STANDARD: 2, PLUS: 3 };

const ANSWERS = {
	kicked: 'UNIT KICKED',
	invalidType: 'INVALID REQUEST TYPE',
	invalidCommunity: 'INVALID COMMUNITY ID',
	apiDisabled: 'API IS NOT ENABLED FOR THIS COMMUNITY',
	invalidKey: 'INVALID API KEY',
	endpointDisabled: 'API ENDPOINT IS NOT ENABLED FOR THIS COMMUNITY',
	// The 404 body for an unknown API ID is undocumented (changelog 3.0.0 names only the status).
	unitNotFound: 'UNIT NOT FOUND',
	notLinked: 'API ID NOT LINKED TO AN ACCOUNT IN THIS COMMUNITY',
};

function text(status, body) {
	return { status, body, headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

function json(status, value) {
	return { status, body: JSON.stringify(value), headers: { 'content-type': 'application/json' } };
}

/**
 * The undocumented case of a batch that names an unknown API ID is answered as one refusal:
 * 404 and nothing kicked, so a client must isolate the unknown units itself.
 */
function kickUnits(state, data) {
	const targets = Array.isArray(data) ? data : [];
	if (targets.length === 0) return text(400, ANSWERS.invalidType);
	const found = targets.map((target) =>
		state.units.find(target.serverId ?? 1, 'apiId', target.apiId),
	);
	if (found.some((unit) => !unit)) return text(404, ANSWERS.unitNotFound);
	targets.forEach((target, i) => {
		state.units.remove(found[i]);
		state.kicks.push({
			apiId: String(target.apiId),
			reason: target.reason,
			serverId: target.serverId ?? 1,
		});
	});
	return text(200, ANSWERS.kicked);
}

function activeUnits(state, data) {
	const query = (Array.isArray(data) ? data[0] : undefined) ?? {};
	if (query.limit !== undefined && (query.limit > 100 || query.limit < 1))
		return text(400, 'INVALID LIMIT');
	return json(200, state.units.list({ ...query, serverId: query.serverId ?? 1 }));
}

/** BAN_USER: `{apiId, isBan}` entries; answered `User Ban: <uuid> Status: <isBan>` per the page. */
function banUsers(state, data) {
	const entries = Array.isArray(data) ? data : [];
	if (entries.length === 0) return text(400, ANSWERS.invalidType);
	const accounts = entries.map((entry) => state.community.accountWithApiId(entry?.apiId ?? ''));
	if (accounts.some((account) => !account)) return text(404, ANSWERS.notLinked);
	const lines = entries.map((entry, i) => {
		const isBan = entry.isBan !== false;
		if (isBan) state.community.bans.add(accounts[i].uuid);
		else state.community.bans.delete(accounts[i].uuid);
		return `User Ban: ${accounts[i].uuid} Status: ${isBan}`;
	});
	return text(200, lines.join('\n'));
}

/** path → { type, minimum plan, handler } */
const ROUTES = {
	'/general/get_version': {
		type: 'GET_VERSION',
		minPlan: PLAN.FREE,
		handle: (state) => text(200, String(state.plan)),
	},
	'/emergency/kick_unit': { type: 'KICK_UNIT', minPlan: PLAN.STANDARD, handle: kickUnits },
	'/emergency/get_active_units': {
		type: 'GET_ACTIVE_UNITS',
		minPlan: PLAN.PLUS,
		handle: activeUnits,
	},
	'/general/ban_user': { type: 'BAN_USER', minPlan: PLAN.PLUS, handle: banUsers },
};

function authenticate(state, body) {
	if (String(body.id ?? '') !== state.communityId) return text(400, ANSWERS.invalidCommunity);
	if (!state.apiEnabled) return text(400, ANSWERS.apiDisabled);
	if (String(body.key ?? '') !== state.apiKey) return text(400, ANSWERS.invalidKey);
	return undefined;
}

/**
 * v1's limit is unpublished ("not more than one call per second for an extended period"). When
 * `state.v1Limit` is set the emulator enforces one: a burst, then one request per interval
 * (a token bucket), answering 429 with Retry-After (in seconds, fractional) beyond it.
 */
function v1RateLimited(state, now) {
	const limit = state.v1Limit;
	if (!limit) return undefined;
	const bucket = (state.v1Bucket ??= { tokens: limit.burst, at: now });
	bucket.tokens = Math.min(limit.burst, bucket.tokens + (now - bucket.at) / limit.intervalMs);
	bucket.at = now;
	if (bucket.tokens >= 1) {
		bucket.tokens -= 1;
		return undefined;
	}
	const waitSeconds = ((1 - bucket.tokens) * limit.intervalMs) / 1000;
	return {
		...text(429, 'TOO MANY REQUESTS'),
		headers: { 'content-type': 'text/plain', 'retry-after': waitSeconds.toFixed(3) },
	};
}

/** The answer to a v1 request, or undefined when the path is not a v1 route. */
function answerV1(state, method, path, rawBody) {
	const route = ROUTES[path];
	if (!route || method !== 'POST') return undefined;
	const limited = v1RateLimited(state, Date.now());
	if (limited) return limited;
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

module.exports = { answerV1, text };
