'use strict';
/**
 * The v2 calls routes (Sonoran's `api-endpoints-v2/emergency/calls/` pages), each with its
 * documented limit per minute. Where the pages are silent the emulator chose: the listing keys
 * are camelCase as on the Get Calls page; a dispatch call is answered 201 (the page's OpenAPI
 * tab); an unknown call ID is 404; Close answers 200 with the IDs it closed, leaving out unknown
 * ones; metaData values must be strings ("string key/value metadata"), else 400.
 */
const { json, problem } = require('./v2-answers');

const SERVER = '/v2/emergency/servers/(\\d+)';
const route = (name, method, path, perMinute, minPlan, handle) => ({
	name,
	method,
	pattern: new RegExp(`^${SERVER}${path}$`),
	perMinute,
	minPlan,
	handle,
});

const badRequest = (detail) => problem(400, 'Bad Request', detail);
const noCall = (callId) =>
	problem(404, 'Not Found', `Call ${callId} was not found on this server.`);

const isText = (value) => typeof value === 'string' && value.trim() !== '';
const isWhole = (value) => Number.isInteger(value) && value >= 0;

/** The first problem with an optional string-to-string metaData, or undefined. */
function metaDataProblem(metaData) {
	if (metaData === undefined) return undefined;
	if (!metaData || typeof metaData !== 'object' || Array.isArray(metaData)) {
		return 'metaData must be an object.';
	}
	const bad = Object.entries(metaData).find(([, value]) => typeof value !== 'string');
	return bad ? `metaData.${bad[0]} must be a string.` : undefined;
}

function object(body) {
	return body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
}

/** identIds named by the body (Attach/Detach Units): units looked up on the server. */
function identIdsOf(state, serverId, body) {
	if (Array.isArray(body.identIds)) return body.identIds.filter(Number.isInteger);
	const users = body.communityUserIds ?? (body.communityUserId ? [body.communityUserId] : []);
	const byUser = users.map((user) => state.units.find(serverId, 'communityUserId', user));
	const byAccount = body.accountUuid
		? [state.units.units.find((u) => u.serverId === serverId && u.accId === body.accountUuid)]
		: [];
	const byGroup = body.groupName
		? state.units.units.filter((u) => u.serverId === serverId && u.group === body.groupName)
		: [];
	return [...byUser, ...byAccount, ...byGroup].filter(Boolean).map((unit) => unit.identId);
}

const UNIT_TARGETS = [
	'identIds',
	'communityUserIds',
	'communityUserId',
	'accountUuid',
	'groupName',
];

function attachmentTargets(state, serverId, body) {
	const given = object(body);
	if (!given || !UNIT_TARGETS.some((field) => given[field] !== undefined)) {
		return { error: badRequest(`Name the units by one of ${UNIT_TARGETS.join(', ')}.`) };
	}
	const identIds = identIdsOf(state, serverId, given);
	if (!identIds.length) {
		return { error: problem(404, 'Not Found', 'No active unit matches the given targets.') };
	}
	return { identIds };
}

const DISPATCH_TARGETS = ['communityUserIds', 'accounts', 'roblox', 'discord'];

function dispatchIdents(state, serverId, body) {
	const users = Array.isArray(body.communityUserIds) ? body.communityUserIds : [];
	const found = [
		...users.map((user) => state.units.find(serverId, 'communityUserId', user)),
		...(body.discord ? [state.units.find(serverId, 'discord', body.discord)] : []),
		...(body.roblox ? [state.units.find(serverId, 'roblox', body.roblox)] : []),
	];
	return found.filter(Boolean).map((unit) => unit.identId);
}

const EDITABLE = [
	'origin',
	'status',
	'priority',
	'block',
	'address',
	'postal',
	'title',
	'code',
	'description',
	'trackPrimary',
	'metaData',
];

const CALL_ROUTES = [
	route('calls', 'GET', '/calls', 5, 3, (state, { serverId, query }) => {
		const closedLimit = query.closedLimit === undefined ? 10 : Number(query.closedLimit);
		if (!isWhole(closedLimit) || closedLimit > 100) {
			return badRequest('closedLimit must be a whole number from 0 to 100.');
		}
		const closedOffset = Number(query.closedOffset ?? 0);
		if (!isWhole(closedOffset)) return badRequest('closedOffset must be a whole number.');
		return json(
			200,
			state.calls.list(serverId, {
				closedLimit,
				closedOffset,
				type: query.type === undefined ? 100 : Number(query.type),
				camelCase: state.callListCamelCase,
			}),
		);
	}),
	route('create911', 'POST', '/calls/911', 10, 2, (state, { serverId, body }) => {
		const call = object(body);
		if (!call) return badRequest('The body must be a JSON object.');
		if (typeof call.isEmergency !== 'boolean') return badRequest('isEmergency is required.');
		for (const field of ['caller', 'location', 'description']) {
			if (!isText(call[field])) return badRequest(`${field} is required.`);
		}
		const metaProblem = metaDataProblem(call.metaData);
		if (metaProblem) return badRequest(metaProblem);
		const { serverId: _s, ...stored } = state.calls.create911(serverId, {
			isEmergency: call.isEmergency,
			caller: call.caller,
			location: call.location,
			description: call.description,
			metaData: call.metaData ?? {},
			...(call.deleteAfterMinutes === undefined
				? {}
				: { deleteAfterMinutes: call.deleteAfterMinutes }),
		});
		return json(200, stored);
	}),
	route('remove911', 'DELETE', '/calls/911/(\\d+)', 10, 2, (state, { serverId, match }) => {
		const callId = Number(match[2]);
		return state.calls.remove911(serverId, callId)
			? json(200, { callId, serverId })
			: noCall(callId);
	}),
	route('createDispatch', 'POST', '/dispatch-calls', 20, 3, (state, { serverId, body }) => {
		const call = object(body);
		if (!call) return badRequest('The body must be a JSON object.');
		for (const field of ['origin', 'status', 'priority']) {
			if (!isWhole(call[field])) return badRequest(`${field} must be an integer.`);
		}
		if (!isText(call.title)) return badRequest('title is required.');
		if (!DISPATCH_TARGETS.some((field) => call[field] !== undefined)) {
			return badRequest(`Include one of ${DISPATCH_TARGETS.join(', ')} (an empty list for none).`);
		}
		// The Create Dispatch Call page types both as text.
		for (const field of ['roblox', 'discord']) {
			if (call[field] !== undefined && typeof call[field] !== 'string') {
				return badRequest(`${field} must be a string.`);
			}
		}
		const metaProblem = metaDataProblem(call.metaData);
		if (metaProblem) return badRequest(metaProblem);
		const fields = Object.fromEntries(
			EDITABLE.filter((field) => call[field] !== undefined).map((field) => [field, call[field]]),
		);
		if (Array.isArray(call.notes)) fields.notes = call.notes;
		const { serverId: _s, ...stored } = state.calls.createDispatch(
			serverId,
			fields,
			dispatchIdents(state, serverId, call),
		);
		return json(201, stored);
	}),
	route('close', 'POST', '/dispatch-calls/close', 20, 3, (state, { serverId, body }) => {
		const callIds = object(body)?.callIds;
		if (!Array.isArray(callIds) || !callIds.length || !callIds.every(Number.isInteger)) {
			return badRequest('callIds must be a non-empty list of call IDs.');
		}
		return json(200, { callIds: state.calls.close(serverId, callIds) });
	}),
	route('detach', 'DELETE', '/dispatch-calls/attachments', 10, 3, (state, { serverId, body }) => {
		const { identIds, error } = attachmentTargets(state, serverId, body);
		if (error) return error;
		return json(200, { identIds: state.calls.detach(serverId, identIds) });
	}),
	route('update', 'PATCH', '/dispatch-calls/(\\d+)', 10, 3, (state, { serverId, body, match }) => {
		const callId = Number(match[2]);
		const changes = object(body);
		if (!changes || !Object.keys(changes).length) return badRequest('Send at least one field.');
		const unknown = Object.keys(changes).filter((field) => !EDITABLE.includes(field));
		if (unknown.length) return badRequest(`Not editable: ${unknown.join(', ')}.`);
		const metaProblem = metaDataProblem(changes.metaData);
		if (metaProblem) return badRequest(metaProblem);
		const call = state.calls.update(serverId, callId, changes);
		if (!call) return noCall(callId);
		const { serverId: _s, ...shown } = call;
		return json(200, shown);
	}),
	route(
		'note',
		'POST',
		'/dispatch-calls/(\\d+)/notes',
		60,
		3,
		(state, { serverId, body, match }) => {
			const callId = Number(match[2]);
			const note = object(body);
			if (!note || !isText(note.note)) return badRequest('note is required.');
			if (!state.calls.addNote(serverId, callId, note)) return noCall(callId);
			return json(200, { callId, note: note.note });
		},
	),
	route(
		'attach',
		'POST',
		'/dispatch-calls/(\\d+)/attachments',
		10,
		3,
		(state, { serverId, body, match }) => {
			const callId = Number(match[2]);
			if (!state.calls.active(serverId, callId)) return noCall(callId);
			const { identIds, error } = attachmentTargets(state, serverId, body);
			if (error) return error;
			state.calls.attach(serverId, callId, identIds);
			return json(200, { callId, identIds });
		},
	),
];

module.exports = { CALL_ROUTES };
