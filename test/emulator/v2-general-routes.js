'use strict';
/**
 * The v2 "general" routes for accounts, links, record templates, records and lookups
 * (Sonoran's `api-endpoints-v2/general/` pages), each with its documented limit per minute.
 * Where the pages are silent the emulator chose: an account or template not found is 404; a
 * record needs exactly one target account that exists (404 otherwise); replaceValues must be
 * text; an empty lookup is 400; by-value searches by NUMBER and ACCOUNT (other types find nothing).
 */
const { CommunityStore, showRecord, valueOf } = require('./community');
const { json, problem } = require('./v2-answers');

const route = (name, method, path, perMinute, minPlan, handle) => ({
	name,
	method,
	pattern: new RegExp(`^/v2/general/${path}$`),
	perMinute,
	minPlan,
	handle,
	// The path's number is a template ID, not a server.
	server: false,
});
const badRequest = (detail) => problem(400, 'Bad Request', detail);

const ACCOUNT_TARGETS = ['communityUserId', 'roblox', 'discord', 'accountUuid', 'username'];
const RECORD_TARGETS = ['communityUserId', 'roblox', 'discord', 'accountUuid'];
const FIELD_OF = { accountUuid: 'uuid' };

/** The one target named in `source` out of `fields`, or a 400 answer. */
function oneTarget(source, fields) {
	const given = fields.filter((name) => source?.[name] !== undefined && source[name] !== '');
	if (given.length !== 1) {
		return { answer: badRequest(`Provide exactly one of ${fields.join(', ')}.`) };
	}
	return { field: given[0], value: source[given[0]] };
}

function getAccount(state, { query }) {
	const target = oneTarget(query, ACCOUNT_TARGETS);
	if (target.answer) return target.answer;
	const account = state.community.findAccount(FIELD_OF[target.field] ?? target.field, target.value);
	return account
		? json(200, CommunityStore.show(account))
		: problem(404, 'Not Found', 'No account matches the given identifier.');
}

function getAccounts(state, { query }) {
	const limit = query.limit === undefined ? 100 : Number(query.limit);
	if (!(Number.isInteger(limit) && limit >= 1 && limit <= 100)) {
		return badRequest('limit must be between 1 and 100.');
	}
	const offset = Number(query.offset ?? 0);
	const status = Number(query.status ?? 1);
	const name = String(query.username ?? '').toLowerCase();
	const matching = state.community.accounts.filter(
		(account) => account.status === status && account.username.toLowerCase().includes(name),
	);
	return json(200, {
		pagination: { limit, offset, total: matching.length },
		accounts: matching.slice(offset, offset + limit).map(CommunityStore.show),
	});
}

function createLink(state, { body }) {
	if (typeof body?.communityUserId !== 'string' || body.communityUserId.trim() === '') {
		return badRequest('communityUserId is required.');
	}
	return json(200, {
		...state.community.createLinkCode(body.communityUserId),
		communityUserId: body.communityUserId,
		communityUuid: '00000000-0000-0000-0000-000000000000',
	});
}

function checkLink(state, { body }) {
	if (typeof body?.communityUserId !== 'string' || body.communityUserId.trim() === '') {
		return badRequest('communityUserId is required.');
	}
	const account = state.community.findAccount('communityUserId', body.communityUserId);
	return json(200, {
		communityUserId: body.communityUserId,
		linked: Boolean(account),
		accountUuid: account?.uuid ?? null,
	});
}

function getTemplate(state, { match }) {
	const template = state.community.template(match[1]);
	return template
		? json(200, template)
		: problem(404, 'Not Found', `Record template ${match[1]} was not found.`);
}

function createRecord(state, { body }) {
	const target = oneTarget(body, RECORD_TARGETS);
	if (target.answer) return target.answer;
	if (body.useDictionary !== true || !Number.isInteger(body.recordTypeId)) {
		return badRequest('Send useDictionary: true with a recordTypeId, or a full record.');
	}
	const values = body.replaceValues ?? {};
	if (typeof values !== 'object' || Array.isArray(values)) {
		return badRequest('replaceValues must be an object.');
	}
	const notText = Object.entries(values).find(([, value]) => typeof value !== 'string');
	if (notText) return badRequest(`replaceValues.${notText[0]} must be a string.`);
	const template = state.community.template(body.recordTypeId);
	if (!template) {
		return problem(404, 'Not Found', `Record template ${body.recordTypeId} was not found.`);
	}
	const account = state.community.findAccount(FIELD_OF[target.field] ?? target.field, target.value);
	if (!account) return problem(404, 'Not Found', 'No account matches the given target.');
	return json(200, showRecord(state.community.createRecord(template, values, account.uuid)));
}

const same = (a, b, partial) =>
	partial
		? String(a ?? '')
				.toLowerCase()
				.includes(String(b).toLowerCase())
		: String(a ?? '').toLowerCase() === String(b).toLowerCase();

function ofTypes(records, types) {
	return Array.isArray(types) && types.length
		? records.filter((record) => types.includes(record.type))
		: records;
}

function lookup(state, { body }) {
	const { first = '', last = '', mi = '', plate = '', partial = false, types } = body ?? {};
	if (![first, last, plate].some((value) => String(value).trim() !== '')) {
		return badRequest('INVALID EMPTY SEARCH: give a first or last name, or a plate.');
	}
	const found = state.community.records.filter((record) =>
		plate
			? same(valueOf(record, 'plate'), plate, partial)
			: (!first || same(valueOf(record, 'first'), first, partial)) &&
				(!last || same(valueOf(record, 'last'), last, partial)) &&
				(!mi || same(valueOf(record, 'mi'), mi, partial)),
	);
	return json(200, ofTypes(found, types).map(showRecord));
}

const SEARCH_TYPES = [
	'IDENTIFIER',
	'SUPERVISOR_STATUS',
	'ACTIVE_STATUS',
	'NUMBER',
	'SECRET',
	'ACCOUNT',
];

function lookupByValue(state, { body }) {
	const searchType = String(body?.searchType ?? '').toUpperCase();
	if (!SEARCH_TYPES.includes(searchType)) {
		return badRequest(`searchType must be one of ${SEARCH_TYPES.join(', ')}.`);
	}
	if (body.value === undefined || String(body.value).trim() === '') {
		return badRequest('INVALID EMPTY SEARCH: give a value.');
	}
	const value = String(body.value);
	const found = state.community.records.filter((record) =>
		searchType === 'NUMBER'
			? String(record.id) === value
			: searchType === 'ACCOUNT' && record.accountUuid === value,
	);
	return json(200, ofTypes(found, body.types).map(showRecord));
}

function findRecord(state, match) {
	return state.community.record(match[1]);
}

function updateRecord(state, { body, match }) {
	const record = findRecord(state, match);
	if (!record) return problem(404, 'Not Found', `Record ${match[1]} was not found.`);
	if (body?.useDictionary !== true || !Number.isInteger(body.templateId)) {
		return badRequest('Send useDictionary: true with a templateId, or a full record.');
	}
	const values = body.replaceValues;
	if (!values || typeof values !== 'object' || Array.isArray(values)) {
		return badRequest('replaceValues must be an object.');
	}
	const notText = Object.entries(values).find(([, value]) => typeof value !== 'string');
	if (notText) return badRequest(`replaceValues.${notText[0]} must be a string.`);
	if (body.templateId !== record.recordTypeId) {
		return badRequest(`Record ${record.id} was not made from template ${body.templateId}.`);
	}
	if (!state.community.updateRecord(record, values)) {
		return badRequest('replaceValues names a field the template does not have.');
	}
	return json(200, showRecord(record));
}

function deleteRecord(state, { match }) {
	const record = findRecord(state, match);
	if (!record) return problem(404, 'Not Found', `Record ${match[1]} was not found.`);
	state.community.deleteRecord(record);
	return json(200, { recordId: record.id });
}

function characters(state, { query }) {
	const target = oneTarget(query, RECORD_TARGETS);
	if (target.answer) return target.answer;
	const account = state.community.findAccount(FIELD_OF[target.field] ?? target.field, target.value);
	if (!account) return problem(404, 'Not Found', 'No account matches the given target.');
	return json(200, state.community.charactersOf(account.uuid).map(showRecord));
}

/** Kick or ban: exactly one of communityUserId, accountUuid, roblox, discord (the current page). */
function accountBan(state, { body }) {
	if (body?.apiId !== undefined) {
		return badRequest('Provide exactly one of communityUserId, accountUuid, roblox or discord.');
	}
	const target = oneTarget(body, RECORD_TARGETS);
	if (target.answer) return target.answer;
	if (body.isBan !== undefined && typeof body.isBan !== 'boolean') {
		return badRequest('isBan must be true or false.');
	}
	const account = state.community.findAccount(FIELD_OF[target.field] ?? target.field, target.value);
	if (!account) return problem(404, 'Not Found', 'No account matches the given identifier.');
	const isBan = body.isBan === true;
	if (isBan) state.community.bans.add(account.uuid);
	state.community.kicked.push(account.uuid);
	return json(200, {
		accountUuid: account.uuid,
		action: isBan ? 'BAN' : 'KICK',
		message: isBan ? 'User banned from the community.' : 'User kicked from the community.',
	});
}

const GENERAL_ROUTES = [
	route('account', 'GET', 'accounts/account', 10, 3, getAccount),
	route('accounts', 'GET', 'accounts', 10, 3, getAccounts),
	route('links', 'POST', 'links', 30, 2, createLink),
	route('linksCheck', 'POST', 'links/check', 30, 2, checkLink),
	route('templates', 'GET', 'templates', 10, 3, (state) => json(200, state.community.templates)),
	route('template', 'GET', 'templates/(\\d+)', 10, 3, getTemplate),
	route('records', 'POST', 'records', 30, 3, createRecord),
	route('lookups', 'POST', 'lookups', 30, 3, lookup),
	route('lookupsByValue', 'POST', 'lookups/by-value', 30, 3, lookupByValue),
	route('recordUpdate', 'PATCH', 'records/(\\d+)', 10, 3, updateRecord),
	route('recordDelete', 'DELETE', 'records/(\\d+)', 10, 3, deleteRecord),
	route('accountBans', 'POST', 'account-bans', 10, 3, accountBan),
	{
		name: 'characters',
		method: 'GET',
		pattern: /^\/v2\/civilian\/characters$/,
		perMinute: 10,
		minPlan: 3,
		handle: characters,
		server: false,
	},
];

module.exports = { GENERAL_ROUTES };
