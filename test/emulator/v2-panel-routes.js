'use strict';
/**
 * The v2 Integration Panels routes (Sonoran's `integration-panels/` pages), with their limits per
 * minute by group. Deleting disables the panel, keeps its definition and instances, and answers
 * `{key, enabled: false}`; acknowledging an action twice is 409, as the pages say. Where they are
 * silent the emulator chose: a disabled panel is not listed, not found and not deleted again (404)
 * until Create or Replace Panel publishes it again; an action past its 60 s is 404; a definition or
 * state too large is 413 before any other check of it.
 */
const { LIMITS, KEY, bytes, showAction, showPanel } = require('./panels');
const { json, problem } = require('./v2-answers');

const badRequest = (detail) => problem(400, 'Bad Request', detail);
const PANEL = '([^/]+)';
const ON_SERVER = `servers/(\\d+)/panels/${PANEL}`;

const route = (name, method, path, perMinute, handle, server = false) => ({
	name,
	method,
	pattern: new RegExp(`^/v2/integration-panels${path}$`),
	perMinute,
	minPlan: 0,
	handle,
	server,
});

/** The route's panel key (decoded), or a 400 answer. */
function keyOf(raw) {
	const key = decodeURIComponent(raw);
	return KEY.test(key) ? { key } : { answer: badRequest(`Invalid panel key "${key}".`) };
}

function getPanel(state, { match }) {
	const { key, answer } = keyOf(match[1]);
	if (answer) return answer;
	const panel = state.panels.enabled(key);
	return panel
		? json(200, showPanel(panel))
		: problem(404, 'Not Found', `Panel ${key} was not found.`);
}

function setPanel(state, { match, body }) {
	const { key, answer } = keyOf(match[1]);
	if (answer) return answer;
	const refused = state.panels.constructor.refuseDefinition(key, body?.definition);
	if (refused)
		return problem(
			refused[0],
			refused[0] === 413 ? 'Payload Too Large' : 'Bad Request',
			refused[1],
		);
	const panel = state.panels.set(key, body.definition);
	if (!panel) return problem(409, 'Conflict', `The community already has ${LIMITS.panels} panels.`);
	return json(200, showPanel(panel));
}

function deletePanel(state, { match }) {
	const { key, answer } = keyOf(match[1]);
	if (answer) return answer;
	const panel = state.panels.enabled(key);
	if (!panel) return problem(404, 'Not Found', `Panel ${key} was not found.`);
	panel.enabled = false;
	return json(200, { key, enabled: false });
}

function setState(state, { serverId, match, body }) {
	const { key, answer } = keyOf(match[2]);
	if (answer) return answer;
	const instanceKey = decodeURIComponent(match[3]);
	if (!KEY.test(instanceKey)) return badRequest(`Invalid instance key "${instanceKey}".`);
	const given = body?.state;
	if (!given || typeof given !== 'object' || Array.isArray(given)) {
		return badRequest('state must be an object.');
	}
	if (bytes(given) > LIMITS.stateBytes)
		return problem(413, 'Payload Too Large', 'State exceeds 512 KiB.');
	const instance = state.panels.setState(serverId, key, instanceKey, given);
	if (instance === 'no panel') {
		return problem(409, 'Conflict', `Panel ${key} does not exist; create its definition first.`);
	}
	if (instance === 'too many instances') {
		return problem(
			409,
			'Conflict',
			`Panel ${key} already has ${LIMITS.instancesPerServer} instances on this server.`,
		);
	}
	return json(200, {
		panelKey: key,
		serverId,
		instanceKey,
		state: instance.state,
		revision: instance.revision,
		updatedAt: instance.updatedAt,
	});
}

function pollActions(state, { serverId, match, query }) {
	const { key, answer } = keyOf(match[2]);
	if (answer) return answer;
	const after = Number(query.after ?? 0);
	const limit = Number(query.limit ?? 50);
	if (!Number.isInteger(after) || after < 0) return badRequest('after must be a cursor.');
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
		return badRequest('limit must be between 1 and 100.');
	}
	if (!state.panels.panels.has(key))
		return problem(404, 'Not Found', `Panel ${key} was not found.`);
	const events = state.panels
		.pending(serverId, key)
		.filter((action) => action.cursor > after)
		.slice(0, limit);
	return json(200, {
		events: events.map(showAction),
		nextCursor: events.length ? events[events.length - 1].cursor : after,
	});
}

function acknowledge(state, { serverId, match, body }) {
	const { key, answer } = keyOf(match[2]);
	if (answer) return answer;
	const eventId = decodeURIComponent(match[3]);
	if (typeof body?.success !== 'boolean') return badRequest('success must be true or false.');
	if (
		body.message !== undefined &&
		(typeof body.message !== 'string' || body.message.length > LIMITS.messageLength)
	) {
		return badRequest('message must be text of at most 500 characters.');
	}
	if (body.result !== undefined) {
		if (!body.result || typeof body.result !== 'object' || Array.isArray(body.result)) {
			return badRequest('result must be an object.');
		}
		if (bytes(body.result) > LIMITS.resultBytes)
			return problem(413, 'Payload Too Large', 'result exceeds 32 KiB.');
	}
	const acknowledged = state.panels.actions.find(
		(candidate) => candidate.id === eventId && candidate.ack && candidate.panelKey === key,
	);
	if (acknowledged) return problem(409, 'Conflict', `Action ${eventId} was already acknowledged.`);
	const action = state.panels.pending(serverId, key).find((candidate) => candidate.id === eventId);
	if (!action) return problem(404, 'Not Found', `Action ${eventId} was not found or has expired.`);
	action.ack = { success: body.success, message: body.message, result: body.result };
	return json(200, {
		panelKey: key,
		serverId,
		eventId,
		success: body.success,
		message: body.message ?? null,
	});
}

const PANEL_ROUTES = [
	route('panelsRead', 'GET', '', 120, (state) =>
		json(200, [...state.panels.panels.values()].filter((panel) => panel.enabled).map(showPanel)),
	),
	route('panelsRead', 'GET', `/${PANEL}`, 120, getPanel),
	route('panelsWrite', 'PUT', `/${PANEL}`, 30, setPanel),
	route('panelsWrite', 'DELETE', `/${PANEL}`, 30, deletePanel),
	route('panelState', 'PUT', `/${ON_SERVER}/instances/${PANEL}/state`, 300, setState, true),
	route('panelActions', 'GET', `/${ON_SERVER}/actions`, 3, pollActions, true),
	route('panelAck', 'POST', `/${ON_SERVER}/actions/${PANEL}/ack`, 240, acknowledge, true),
];

module.exports = { PANEL_ROUTES };
