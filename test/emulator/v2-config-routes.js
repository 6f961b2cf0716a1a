'use strict';
/**
 * The v2 routes for custom dispatch, record drafts, custom lookups, the live map and the
 * community's configuration (Sonoran's `emergency/calls`, `emergency/map`, `emergency/units`,
 * `emergency/configuration` and `general/configuration` pages), each with its documented limit
 * per minute. Where the pages are silent the emulator chose: the plan levels of v1 (dispatch,
 * drafts and lookups PLUS; blips, pager, stations, callouts and street signs PRO; the rest
 * STANDARD); Create Custom Dispatch Call at 20 a minute, as Create Dispatch Call; a call's primary
 * must be a unit attached to it (400); a draft's target must be an account (404); a custom lookup
 * mapping that is not configured is 404; a replace's entries are checked as the pages show them
 * (400 for a missing field); Update Unit Locations counts the units it found on the server.
 */
const { showRecord, valueOf } = require('./community');
const { fieldsOf } = require('./configuration');
const { json, problem } = require('./v2-answers');

const badRequest = (detail) => problem(400, 'Bad Request', detail);
const notFound = (detail) => problem(404, 'Not Found', detail);
const SERVER = 'emergency/servers/(\\d+)';

const route = (
	name,
	method,
	path,
	handle,
	{ perMinute = 10, minPlan = 2, server = true } = {},
) => ({
	name,
	method,
	pattern: new RegExp(`^/v2/${path}$`),
	perMinute,
	minPlan,
	handle,
	server,
});

const object = (body) =>
	body && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
const isText = (value) => typeof value === 'string' && value.trim() !== '';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isCoordinates = (value) =>
	object(value) !== undefined && ['x', 'y', 'z', 'w'].every((axis) => isNumber(value[axis]));

/** A list in `body[key]` whose every entry passes `check` (the first problem, or the list). */
function listIn(body, key, check) {
	const list = object(body)?.[key];
	if (!Array.isArray(list)) return { answer: badRequest(`${key} must be a list.`) };
	for (const [index, entry] of list.entries()) {
		const wrong = check(object(entry) ?? {});
		if (wrong) return { answer: badRequest(`${key}[${index}]: ${wrong}`) };
	}
	return { list };
}

const CUSTOM_TARGETS = [
	'identIds',
	'accountUuid',
	'accounts',
	'communityUserId',
	'communityUserIds',
	'roblox',
	'discord',
];

/** The active units a custom call's target properties name on the server. */
function customCallUnits(state, serverId, body) {
	const list = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
	const onServer = state.units.units.filter((unit) => unit.serverId === serverId);
	const found = [
		...list(body.identIds).map((id) => onServer.find((unit) => unit.identId === id)),
		...[...list(body.accountUuid), ...list(body.accounts)].map((uuid) =>
			onServer.find((unit) => unit.accId === uuid),
		),
		...[...list(body.communityUserId), ...list(body.communityUserIds)].map((user) =>
			state.units.find(serverId, 'communityUserId', user),
		),
		...list(body.discord).map((id) => state.units.find(serverId, 'discord', id)),
		...list(body.roblox).map((id) => state.units.find(serverId, 'roblox', id)),
	];
	return [...new Set(found.filter(Boolean).map((unit) => unit.identId))];
}

function createCustomCall(state, { serverId, body }) {
	const call = object(body);
	if (!call) return badRequest('The body must be a JSON object.');
	if (!Number.isInteger(call.templateId)) return badRequest('templateId is required.');
	const template = state.configuration.dispatchTemplate(call.templateId);
	if (!template) return notFound(`Dispatch template ${call.templateId} was not found.`);
	if (!object(call.values)) return badRequest('values must be an object.');
	const wrong = state.configuration.valuesProblem(template, call.values);
	if (wrong) return badRequest(wrong);
	if (!CUSTOM_TARGETS.some((field) => call[field] !== undefined)) {
		return badRequest(`At least one unit target is required: ${CUSTOM_TARGETS.join(', ')}.`);
	}
	const idents = customCallUnits(state, serverId, call);
	if (!idents.length) return notFound('No valid unit target: name at least one unit on duty.');
	if (call.metaData !== undefined && !object(call.metaData))
		return badRequest('metaData must be an object.');
	const { values } = call;
	const { serverId: _s, ...stored } = state.calls.createDispatch(
		serverId,
		{
			status: state.configuration.statusOf(template, values.status),
			description: values.description ?? '',
			code: values.code ?? '',
			title: template.name,
			notes: Array.isArray(call.notes) ? call.notes : [],
			metaData: call.metaData ?? {},
			template: structuredClone(template),
			values: { ...values },
			statusId: values.status,
		},
		idents,
	);
	return json(201, stored);
}

/** A dispatch or 911 call on the server. */
function anyCall(state, serverId, callId) {
	const call = state.calls.active(serverId, callId) ?? state.calls.emergency.get(callId);
	return call && call.serverId === serverId ? call : undefined;
}

function setPostal(state, { serverId, body, match }) {
	const callId = Number(match[2]);
	if (!isText(object(body)?.postal)) return badRequest('postal is required.');
	const call = anyCall(state, serverId, callId);
	if (!call) return notFound(`Call ${callId} was not found on this server.`);
	call.postal = body.postal;
	return json(200, { callId, postal: call.postal });
}

function setPrimary(state, { serverId, body, match }) {
	const callId = Number(match[2]);
	const given = object(body);
	if (!Number.isInteger(given?.identId)) return badRequest('identId must be an integer.');
	if (given.trackPrimary !== undefined && typeof given.trackPrimary !== 'boolean') {
		return badRequest('trackPrimary must be a boolean.');
	}
	const call = state.calls.active(serverId, callId);
	if (!call) return notFound(`Call ${callId} was not found on this server.`);
	if (!call.idents.includes(given.identId)) {
		return badRequest(`Unit ${given.identId} is not attached to call ${callId}.`);
	}
	call.primary = given.identId;
	call.trackPrimary = given.trackPrimary ?? call.trackPrimary;
	return json(200, { callId, identId: call.primary, trackPrimary: call.trackPrimary });
}

const DRAFT_TARGETS = ['communityUserId', 'roblox', 'discord', 'accountUuid'];

function sendDraft(state, { body }) {
	const draft = object(body);
	if (!draft || !Number.isInteger(draft.recordTypeId))
		return badRequest('recordTypeId is required.');
	const template = state.community.template(draft.recordTypeId);
	if (!template) return notFound(`Record template ${draft.recordTypeId} was not found.`);
	const values = draft.replaceValues ?? {};
	if (!object(values) || Object.values(values).some((value) => typeof value !== 'string')) {
		return badRequest('replaceValues must be an object of text values.');
	}
	const targets = DRAFT_TARGETS.filter((field) => draft[field] !== undefined);
	if (targets.length > 1) return badRequest(`Provide at most one of ${DRAFT_TARGETS.join(', ')}.`);
	let account;
	if (targets.length) {
		const field = targets[0];
		account = state.community.findAccount(field === 'accountUuid' ? 'uuid' : field, draft[field]);
		if (!account) return notFound('Account not found in this community.');
	}
	const built = structuredClone(template);
	for (const entry of fieldsOf(built)) {
		if (values[entry.uid] !== undefined) entry.value = values[entry.uid];
	}
	if (account) state.configuration.drafts.push({ accountUuid: account.uuid, draft: built });
	return json(200, built);
}

function lookupCustom(state, { body }) {
	const search = object(body);
	if (!search || !isText(search.map) || !isText(search.value)) {
		return badRequest('map and value are required.');
	}
	const uid = state.configuration.lookupMappings[search.map];
	if (!Object.hasOwn(state.configuration.lookupMappings, search.map) || !uid) {
		return notFound(`No custom lookup mapping "${search.map}".`);
	}
	const types = search.types === undefined ? undefined : [search.types].flat();
	const wanted = search.value.toLowerCase();
	const found = state.community.records.filter((record) => {
		if (types && !types.includes(record.type)) return false;
		const value = String(valueOf(record, uid) ?? '').toLowerCase();
		return search.partial === true ? value !== '' && value.includes(wanted) : value === wanted;
	});
	return json(200, found.map(showRecord));
}

const BLIP_TEXT = ['subType', 'icon', 'color', 'tooltip'];

/** The first problem with a blip's fields (`creating`: coordinates required), or undefined. */
function blipProblem(blip, creating) {
	if (creating || blip.coordinates !== undefined) {
		if (!isCoordinates(blip.coordinates)) return 'coordinates must be {x, y, z, w} numbers.';
	}
	const text = BLIP_TEXT.find(
		(field) => blip[field] !== undefined && typeof blip[field] !== 'string',
	);
	if (text) return `${text} must be text.`;
	if (blip.radius !== undefined && !isNumber(blip.radius)) return 'radius must be a number.';
	if (blip.data !== undefined && !Array.isArray(blip.data)) return 'data must be a list.';
	return undefined;
}

function createBlip(state, { serverId, body }) {
	const blip = object(body);
	const wrong = blip ? blipProblem(blip, true) : 'The body must be a JSON object.';
	if (wrong) return badRequest(wrong);
	return json(200, state.configuration.createBlip(serverId, blip));
}

function updateBlip(state, { serverId, body, match }) {
	const id = Number(match[2]);
	const changes = object(body);
	const wrong = changes ? blipProblem(changes, false) : 'The body must be a JSON object.';
	if (wrong) return badRequest(wrong);
	const blip = state.configuration.blipsOf(serverId).find((candidate) => candidate.id === id);
	if (!blip) return notFound(`Blip ${id} was not found on this server.`);
	Object.assign(blip, changes);
	return json(200, { id });
}

function deleteBlips(state, { serverId, body }) {
	const ids = object(body)?.ids;
	if (!Array.isArray(ids) || !ids.length || !ids.every(Number.isInteger)) {
		return badRequest('ids must be a non-empty list of blip IDs.');
	}
	return json(200, { ids: state.configuration.deleteBlips(serverId, ids) });
}

const LOCATION_TARGETS = ['communityUserId', 'roblox', 'discord'];

function updateUnitLocations(state, { serverId, body }) {
	const { list, answer } = listIn(body, 'updates', (update) => {
		if (!LOCATION_TARGETS.some((field) => update[field] !== undefined)) {
			return `name the unit by one of ${LOCATION_TARGETS.join(', ')}.`;
		}
		return isCoordinates(update.coordinates)
			? undefined
			: 'coordinates must be {x, y, z, w} numbers.';
	});
	if (answer) return answer;
	let updated = 0;
	for (const update of list) {
		const field = LOCATION_TARGETS.find((name) => update[name] !== undefined);
		const unit = state.units.find(serverId, field, update[field]);
		if (!unit) continue;
		updated++;
		state.configuration.unitLocations.push({ serverId, identId: unit.identId, ...update });
	}
	return json(200, { updated });
}

function replacePenalCodes(state, { body }) {
	const { list, answer } = listIn(body, 'codes', (code) => {
		const text = ['title', 'code', 'type', 'bondType', 'jailTime'].find(
			(field) => typeof code[field] !== 'string',
		);
		if (text) return `${text} must be text.`;
		return Number.isInteger(code.bondAmount) ? undefined : 'bondAmount must be an integer.';
	});
	if (answer) return answer;
	state.configuration.penalCodes = structuredClone(list);
	return json(200, { updated: list.length });
}

function replacePostals(state, { body }) {
	const { list, answer } = listIn(body, 'postals', (postal) =>
		isText(postal.code) && isNumber(postal.x) && isNumber(postal.y)
			? undefined
			: 'each postal needs code (text), x and y (numbers).',
	);
	if (answer) return answer;
	state.configuration.postals = structuredClone(list);
	return json(200, { updated: list.length });
}

function replaceServers(state, { body }) {
	const { list, answer } = listIn(body, 'servers', (server) =>
		Number.isInteger(server.id) && isText(server.name) ? undefined : 'id and name are required.',
	);
	if (answer) return answer;
	if (new Set(list.map((server) => server.id)).size !== list.length) {
		return badRequest('Server IDs must be unique.');
	}
	state.servers = list.map((server) => server.id);
	state.configuration.servers = structuredClone(list);
	state.configuration.deployMap = body.deployMap === true;
	return json(200, { servers: list });
}

function heartbeat(state, { serverId, body }) {
	const playerCount = object(body)?.playerCount;
	if (!Number.isInteger(playerCount) || playerCount < 0) {
		return badRequest('playerCount must be a whole number.');
	}
	const beat = { serverId, playerCount, receivedAtUtc: new Date().toISOString() };
	state.configuration.heartbeats.push(beat);
	return json(200, beat);
}

function setPagerConfig(state, { serverId, body }) {
	const config = object(body);
	if (!config || !object(config.natureWords)) return badRequest('natureWords must be an object.');
	for (const field of ['maxAddresses', 'maxBodyLength']) {
		if (!Number.isInteger(config[field])) return badRequest(`${field} must be an integer.`);
	}
	const nodes = Array.isArray(config.nodes)
		? config.nodes
		: (state.configuration.pager.get(serverId)?.nodes ?? []);
	state.configuration.pager.set(serverId, { ...config, nodes });
	return json(200, { serverId });
}

function replaceStations(state, { serverId, body }) {
	const { list, answer } = listIn(body, 'locations', (location) =>
		isText(location.name) && isCoordinates(location.coordinates) && Array.isArray(location.doors)
			? undefined
			: 'each location needs name, coordinates {x, y, z, w} and doors (a list).',
	);
	if (answer) return answer;
	for (const field of ['tones', 'unitColors']) {
		if (!Array.isArray(body[field])) return badRequest(`${field} must be a list.`);
	}
	state.configuration.stations.set(
		serverId,
		structuredClone({ locations: list, tones: body.tones, unitColors: body.unitColors }),
	);
	return json(200, { serverId });
}

function replaceCallouts(state, { serverId, body }) {
	const { list, answer } = listIn(body, 'callouts', (callout) =>
		isText(callout.id) && object(callout.data)
			? undefined
			: 'each callout needs id and data (an object).',
	);
	if (answer) return answer;
	state.configuration.callouts.set(serverId, structuredClone(list));
	return json(200, { serverId, callouts: list.length });
}

const SIGN_TEXT = ['text1', 'text2', 'text3'];

function replaceStreetSigns(state, { serverId, body }) {
	const { list, answer } = listIn(body, 'signs', (sign) => {
		if (!Number.isInteger(sign.id) || !isCoordinates(sign.coordinates)) {
			return 'each sign needs id and coordinates {x, y, z, w}.';
		}
		return SIGN_TEXT.every((field) => typeof sign[field] === 'string')
			? undefined
			: 'text1-3 must be text.';
	});
	if (answer) return answer;
	state.configuration.streetSigns.set(serverId, structuredClone(list));
	return json(200, { serverId });
}

function updateStreetSigns(state, { serverId, body }) {
	const given = object(body);
	if (!Array.isArray(given?.ids) || !given.ids.length || !given.ids.every(Number.isInteger)) {
		return badRequest('ids must be a non-empty list of sign IDs.');
	}
	const signs = state.configuration.streetSigns.get(serverId) ?? [];
	const found = signs.filter((sign) => given.ids.includes(sign.id));
	if (!found.length) return notFound('None of these street signs is configured on this server.');
	for (const sign of found) {
		for (const field of SIGN_TEXT) if (typeof given[field] === 'string') sign[field] = given[field];
	}
	return json(200, { ids: found.map((sign) => sign.id) });
}

const PLUS = { minPlan: 3, server: false };
const PRO = { minPlan: 4 };

const CONFIG_ROUTES = [
	route(
		'dispatchTemplates',
		'GET',
		'emergency/dispatch-templates',
		(state) => json(200, state.configuration.dispatchTemplates),
		PLUS,
	),
	route(
		'dispatchTemplate',
		'GET',
		'emergency/dispatch-templates/(\\d+)',
		(state, { match }) => {
			const template = state.configuration.dispatchTemplate(match[1]);
			return template
				? json(200, template)
				: notFound(`Dispatch template ${match[1]} was not found.`);
		},
		PLUS,
	),
	route('customDispatch', 'POST', `${SERVER}/custom-dispatch-calls`, createCustomCall, {
		perMinute: 20,
		minPlan: 3,
	}),
	route('callPostal', 'PATCH', `${SERVER}/dispatch-calls/(\\d+)/postal`, setPostal, {
		perMinute: 20,
		minPlan: 3,
	}),
	route('callPrimary', 'PATCH', `${SERVER}/dispatch-calls/(\\d+)/primary`, setPrimary, {
		minPlan: 3,
	}),
	route('recordDraft', 'POST', 'general/record-drafts', sendDraft, PLUS),
	route('lookupCustom', 'POST', 'general/lookups/custom', lookupCustom, { ...PLUS, perMinute: 30 }),
	route(
		'blips',
		'GET',
		`${SERVER}/blips`,
		(state, { serverId }) => json(200, state.configuration.blipsOf(serverId)),
		PRO,
	),
	route('createBlip', 'POST', `${SERVER}/blips`, createBlip, { ...PRO, perMinute: 30 }),
	route('updateBlip', 'PATCH', `${SERVER}/blips/(\\d+)`, updateBlip, { ...PRO, perMinute: 30 }),
	route('deleteBlips', 'POST', `${SERVER}/blips/delete`, deleteBlips, { ...PRO, perMinute: 30 }),
	route('unitLocations', 'PATCH', `${SERVER}/unit-locations`, updateUnitLocations, {
		perMinute: 12,
	}),
	route(
		'info',
		'GET',
		'general/info',
		(state) => json(200, { uuid: `uuid-${state.communityId}`, ...state.configuration.info }),
		{ server: false },
	),
	route(
		'penalCodes',
		'GET',
		'general/penal-codes',
		(state) => json(200, state.configuration.penalCodes),
		{ perMinute: 4, server: false },
	),
	route('setPenalCodes', 'PUT', 'general/penal-codes', replacePenalCodes, {
		perMinute: 4,
		server: false,
	}),
	route('setPostals', 'PUT', 'general/postals', replacePostals, { server: false }),
	route('setServers', 'PUT', 'general/servers', replaceServers, { server: false }),
	route('heartbeat', 'POST', 'general/servers/(\\d+)/heartbeat', heartbeat),
	route(
		'databaseSync',
		'GET',
		'general/database-sync',
		(state) => json(200, state.configuration.databaseSync),
		{ server: false },
	),
	route('fivemConfiguration', 'GET', 'fivem/servers/(\\d+)/configuration', (state, { serverId }) =>
		json(200, state.configuration.fivemConfiguration(serverId)),
	),
	route(
		'pagerConfig',
		'GET',
		`${SERVER}/pager-config`,
		(state, { serverId }) =>
			json(
				200,
				state.configuration.pager.get(serverId) ?? {
					natureWords: {},
					maxAddresses: 5,
					maxBodyLength: 250,
					nodes: [],
				},
			),
		{ ...PRO, perMinute: 2 },
	),
	route('setPagerConfig', 'PUT', `${SERVER}/pager-config`, setPagerConfig, {
		...PRO,
		perMinute: 2,
	}),
	route('setStations', 'PUT', `${SERVER}/stations`, replaceStations, { ...PRO, perMinute: 2 }),
	route('setCallouts', 'PUT', `${SERVER}/callouts`, replaceCallouts, { ...PRO, perMinute: 2 }),
	route('setStreetSigns', 'PUT', `${SERVER}/street-sign-config`, replaceStreetSigns, {
		...PRO,
		perMinute: 2,
	}),
	route('updateStreetSigns', 'PATCH', `${SERVER}/street-signs`, updateStreetSigns, PRO),
];

module.exports = { CONFIG_ROUTES };
