'use strict';
/**
 * The v2 people routes: permissions (catalog, an account's grants, replacing them), the legacy
 * Modify Account Permissions, Apply Permission Key, an account's identifiers, its units on a server
 * and its current call. Each at 10 a minute (the catalog and the granular permission pages state
 * no limit: 10 assumed, as their neighbours). 400s as the pages list them: unknown grants, the
 * owner, a membership that cannot be edited, the member limit. Where the pages are silent the
 * emulator chose: an unknown permission key or legacy flag is 400; an account with no unit on
 * duty has no current call (404); an account on duty with no call answers `CallId: null`.
 */
const { json, problem } = require('./v2-answers');

const badRequest = (detail) => problem(400, 'Bad Request', detail);
const UUID = '([^/]+)';

const route = (name, method, path, handle, server = false, perMinute = 10, minPlan = 3) => ({
	name,
	method,
	pattern: new RegExp(`^/v2/${path}$`),
	perMinute,
	minPlan,
	handle,
	server,
});

const BODY_TARGETS = ['communityUserId', 'roblox', 'discord', 'accountUuid', 'username'];
const FIELD_OF = { accountUuid: 'uuid' };

/** The account named by exactly one of `fields` in `source`, or a 400 / 404 answer. */
function accountIn(state, source, fields) {
	const given = fields.filter((name) => source?.[name] !== undefined && source[name] !== '');
	if (given.length !== 1)
		return { answer: badRequest(`Provide exactly one of ${fields.join(', ')}.`) };
	const account = state.community.findAccount(FIELD_OF[given[0]] ?? given[0], source[given[0]]);
	return account
		? { account }
		: { answer: problem(404, 'Not Found', 'Account not found in this community.') };
}

function accountByUuid(state, uuid) {
	const account = state.community.findAccount('uuid', decodeURIComponent(uuid));
	return account
		? { account }
		: { answer: problem(404, 'Not Found', 'Account not found in this community.') };
}

function getPermissions(state, { match }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	return json(200, {
		permissions: { version: 2, grants: state.people.grantsOf(account) },
		owner: account.owner === true,
		migrated: true,
		status: account.status,
	});
}

function replacePermissions(state, { match, body }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	const grants = body?.grants;
	if (!Array.isArray(grants) || grants.some((grant) => typeof grant !== 'string')) {
		return badRequest('grants must be a list of grant IDs.');
	}
	if (body.version !== undefined && body.version !== 2) return badRequest('version must be 2.');
	const refused = state.people.replace(account, grants);
	if (refused) return badRequest(refused);
	return json(200, {
		accountUuid: account.uuid,
		permissions: { version: 2, grants: state.people.grantsOf(account) },
	});
}

function modifyPermissions(state, { body }) {
	const { account, answer } = accountIn(state, body, BODY_TARGETS);
	if (answer) return answer;
	for (const list of ['add', 'remove']) {
		if (body[list] !== undefined && !Array.isArray(body[list]))
			return badRequest(`${list} must be a list.`);
	}
	if (body.active !== undefined && typeof body.active !== 'boolean')
		return badRequest('active must be true or false.');
	const refused = state.people.modify(account, body);
	if (refused) return badRequest(refused);
	return json(200, {
		accountUuid: account.uuid,
		permissions: account.permissions,
		active: account.status === 1,
	});
}

function applyPermissionKey(state, { body }) {
	const { account, answer } = accountIn(state, body, ['communityUserId', 'roblox', 'discord']);
	if (answer) return answer;
	const flags = state.people.permissionKeys.get(body.permissionKey);
	if (!flags) return badRequest('Unknown permission key.');
	state.people.modify(account, { add: flags });
	state.appliedKeys.push({ accountUuid: account.uuid, permissionKey: body.permissionKey });
	return json(200, {
		accountUuid: account.uuid,
		username: account.username,
		message: 'Permission key applied.',
		permissions: account.permissions,
	});
}

function getIdentifiers(state, { match }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	const { selected, list } = state.people.identifiersOf(account.uuid);
	return json(200, { SelectedIdent: selected, Identifiers: list });
}

const IDENTIFIER_FIELDS = {
	status: 'number',
	aop: 'string',
	unitNum: 'string',
	name: 'string',
	district: 'string',
	department: 'string',
	subdivision: 'string',
	rank: 'string',
	group: 'string',
	page: 'number',
	isDispatch: 'boolean',
};

/** Why identifier fields are refused, or undefined. */
function refuseIdentifier(body, needOne) {
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return 'The body must be an object.';
	const unknown = Object.keys(body).find((name) => !(name in IDENTIFIER_FIELDS));
	if (unknown) return `Unknown identifier field: ${unknown}.`;
	const wrong = Object.entries(body).find(
		([name, value]) => typeof value !== IDENTIFIER_FIELDS[name],
	);
	if (wrong) return `${wrong[0]} must be a ${IDENTIFIER_FIELDS[wrong[0]]}.`;
	if (needOne && Object.keys(body).length === 0) return 'Provide at least one property to change.';
	return undefined;
}

function createIdentifier(state, { match, body }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	const refused = refuseIdentifier(body ?? {}, false);
	if (refused) return badRequest(refused);
	return json(200, { identId: state.people.createIdentifier(account.uuid, body ?? {}).id });
}

function identifierAt(state, match) {
	const found = accountByUuid(state, match[1]);
	if (found.answer) return found;
	const identifier = state.people.findIdentifier(found.account.uuid, Number(match[2]));
	return identifier
		? { account: found.account, identifier }
		: { answer: problem(404, 'Not Found', `Identifier ${match[2]} was not found.`) };
}

function updateIdentifier(state, { match, body }) {
	const { identifier, answer } = identifierAt(state, match);
	if (answer) return answer;
	const refused = refuseIdentifier(body, true);
	if (refused) return badRequest(refused);
	state.people.updateIdentifier(identifier, body);
	return json(200, { identId: identifier.id, serverId: 1, identifier });
}

function deleteIdentifier(state, { match }) {
	const { account, identifier, answer } = identifierAt(state, match);
	if (answer) return answer;
	state.people.deleteIdentifier(account.uuid, identifier.id);
	return json(200, { identId: identifier.id, serverId: 1 });
}

function selectIdentifier(state, { match, body }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	if (!Number.isInteger(body?.identId)) return badRequest('identId must be an identifier ID.');
	const identifier = state.people.findIdentifier(account.uuid, body.identId);
	if (!identifier) return problem(404, 'Not Found', `Identifier ${body.identId} was not found.`);
	state.people.identifiersOf(account.uuid).selected = identifier.id;
	return json(200, { serverId: 1, isDispatch: identifier.isDispatch, identifier });
}

const GROUP_TARGETS = [
	'communityUserId',
	'communityUserIds',
	'roblox',
	'discord',
	'accountUuid',
	'identIds',
];

function setIdentifierGroup(state, { match, body }) {
	const group = decodeURIComponent(match[2]);
	const given = GROUP_TARGETS.filter((name) => body?.[name] !== undefined);
	if (given.length !== 1) return badRequest(`Provide exactly one of ${GROUP_TARGETS.join(', ')}.`);
	const [field] = given;
	const values = [body[field]].flat();
	const identifiers =
		field === 'identIds'
			? values.map((id) =>
					[...state.people.identifiers.values()]
						.flatMap((entry) => entry.list)
						.find((ident) => ident.id === id),
				)
			: values.map((value) => {
					const name = field === 'communityUserIds' ? 'communityUserId' : field;
					const account = state.community.findAccount(FIELD_OF[name] ?? name, value);
					if (!account) return undefined;
					const entry = state.people.identifiersOf(account.uuid);
					return entry.list.find((ident) => ident.id === entry.selected);
				});
	if (identifiers.some((identifier) => !identifier)) {
		return problem(404, 'Not Found', 'No identifier matches one of the targets.');
	}
	for (const identifier of identifiers) identifier.data.group = group;
	return json(200, { ok: true });
}

function accountUnits(state, { serverId, match, query }) {
	const { account, answer } = accountByUuid(state, match[2]);
	if (answer) return answer;
	const onlyOnline = query.onlyOnline !== 'false';
	const onlyUnits = query.onlyUnits !== 'false';
	const limit = Number(query.limit ?? 100);
	const offset = Number(query.offset ?? 0);
	const units = state.units.units
		.filter((unit) => unit.serverId === serverId && unit.accId === account.uuid)
		.filter((unit) => !(onlyUnits && unit.isDispatch))
		.filter((unit) => !onlyOnline || unit.status !== 100)
		.slice(offset, offset + limit)
		.map((unit) => state.units.render(unit));
	return json(200, { Units: units });
}

function currentCall(state, { match }) {
	const { account, answer } = accountByUuid(state, match[1]);
	if (answer) return answer;
	const unit = state.units.units.find((candidate) => candidate.accId === account.uuid);
	if (!unit) return problem(404, 'Not Found', 'The account has no unit on duty.');
	const call = [...state.calls.dispatch.values()].find((candidate) =>
		candidate.idents.includes(unit.id),
	);
	return json(200, { IdentId: unit.id, CallId: call?.callId ?? null });
}

const CHARACTER_TARGETS = ['communityUserId', 'roblox', 'discord', 'accountUuid'];

function deleteCharacter(state, { match }) {
	const record = state.community.records.find(
		(candidate) => candidate.type === 7 && candidate.id === Number(match[1]),
	);
	if (!record) return problem(404, 'Not Found', `Character ${match[1]} was not found.`);
	state.community.deleteRecord(record);
	return json(200, { characterId: record.id });
}

function selectCharacter(state, { body }) {
	const { account, answer } = accountIn(state, body, CHARACTER_TARGETS);
	if (answer) return answer;
	const characterId = body.characterId;
	if (typeof characterId !== 'string' && typeof characterId !== 'number') {
		return badRequest('characterId must be a character ID or a sync ID.');
	}
	const known =
		state.community
			.charactersOf(account.uuid)
			.some((record) => String(record.id) === String(characterId)) ||
		(state.people.characterLinks.get(account.uuid) ?? []).includes(String(characterId));
	if (!known)
		return problem(404, 'Not Found', `Character ${characterId} was not found for this account.`);
	state.people.selectedCharacters.set(account.uuid, String(characterId));
	return json(200, { accountUuid: account.uuid, characterId: String(characterId) });
}

function characterLinks(state, { query }) {
	const { account, answer } = accountIn(state, query, CHARACTER_TARGETS);
	if (answer) return answer;
	return json(200, state.people.characterLinks.get(account.uuid) ?? []);
}

function changeCharacterLink(adds) {
	return (state, { match, body }) => {
		const { account, answer } = accountIn(state, body, CHARACTER_TARGETS);
		if (answer) return answer;
		const syncId = decodeURIComponent(match[1]);
		const links = state.people.characterLinks.get(account.uuid) ?? [];
		if (!adds && !links.includes(syncId)) {
			return problem(404, 'Not Found', `Character link ${syncId} was not found.`);
		}
		const kept = links.filter((link) => link !== syncId);
		state.people.characterLinks.set(account.uuid, adds ? [...kept, syncId] : kept);
		return json(200, { accountUuid: account.uuid, syncId, action: adds ? 'ADD' : 'REMOVE' });
	};
}

/** Set Community Link: the account UUID and its secret must match (403 otherwise, not saying which). */
function setLink(state, { body }) {
	const { accountUuid, secretUuid, communityUserId } = body ?? {};
	if (
		![accountUuid, secretUuid, communityUserId].every((value) => typeof value === 'string' && value)
	) {
		return badRequest('accountUuid, secretUuid and communityUserId are required.');
	}
	if (communityUserId.length > 255)
		return badRequest('communityUserId may contain up to 255 characters.');
	const account = state.community.findAccount('uuid', accountUuid);
	if (!account || account.secret !== secretUuid) {
		return problem(
			403,
			'Forbidden',
			'The account and secret do not match an account in this community.',
		);
	}
	for (const other of state.community.accounts) {
		if (other.communityUserId === communityUserId) delete other.communityUserId;
	}
	account.communityUserId = communityUserId;
	return json(200, { linked: true, accountUuid, communityUserId });
}

function verifySecret(state, { body }) {
	if (typeof body?.secret !== 'string' || !body.secret) return badRequest('secret is required.');
	const account = state.community.findAccount('secret', body.secret);
	if (!account) return problem(404, 'Not Found', 'No account has this secret.');
	return json(200, { [account.uuid]: body.secret });
}

/** Send Photo: shown on the account's active connections (one per account here). */
function sendPhoto(state, { body }) {
	const { account, answer } = accountIn(state, body, ['communityUserId']);
	if (answer) return answer;
	if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url))
		return badRequest('url must be a URL.');
	state.people.photos.push({ accountUuid: account.uuid, url: body.url });
	return json(200, { communityUserId: body.communityUserId, delivered: 1 });
}

const PEOPLE_ROUTES = [
	route('setLink', 'POST', 'general/links/set', setLink, false, 30, 2),
	route('verifySecret', 'POST', 'general/secrets/verify', verifySecret),
	route('photos', 'POST', 'general/photos', sendPhoto),
	route('deleteCharacter', 'DELETE', 'civilian/characters/(\\d+)', deleteCharacter),
	route('selectCharacter', 'PUT', 'civilian/selected-character', selectCharacter),
	route('characterLinks', 'GET', 'civilian/character-links', characterLinks),
	route('addCharacterLink', 'PUT', 'civilian/character-links/([^/]+)', changeCharacterLink(true)),
	route(
		'removeCharacterLink',
		'DELETE',
		'civilian/character-links/([^/]+)',
		changeCharacterLink(false),
	),
	route('permissionCatalog', 'GET', 'general/permissions/catalog', (state) =>
		json(200, state.people.catalog()),
	),
	route('accountPermissions', 'GET', `general/permissions/accounts/${UUID}`, getPermissions),
	route('replacePermissions', 'PUT', `general/permissions/accounts/${UUID}`, replacePermissions),
	route('modifyPermissions', 'PATCH', 'general/accounts/permissions', modifyPermissions),
	route('permissionKeys', 'POST', 'general/permission-keys/applications', applyPermissionKey),
	route('identifiers', 'GET', `emergency/accounts/${UUID}/identifiers`, getIdentifiers),
	route('createIdentifier', 'POST', `emergency/accounts/${UUID}/identifiers`, createIdentifier),
	route(
		'updateIdentifier',
		'PATCH',
		`emergency/accounts/${UUID}/identifiers/(\\d+)`,
		updateIdentifier,
	),
	route(
		'deleteIdentifier',
		'DELETE',
		`emergency/accounts/${UUID}/identifiers/(\\d+)`,
		deleteIdentifier,
	),
	route(
		'selectIdentifier',
		'PUT',
		`emergency/accounts/${UUID}/selected-identifier`,
		selectIdentifier,
	),
	route(
		'identifierGroup',
		'PUT',
		'emergency/servers/(\\d+)/identifier-groups/([^/]+)',
		setIdentifierGroup,
		true,
	),
	route(
		'accountUnits',
		'GET',
		`emergency/servers/(\\d+)/accounts/${UUID}/units`,
		accountUnits,
		true,
	),
	route('currentCall', 'GET', `emergency/accounts/${UUID}/current-call`, currentCall),
];

module.exports = { PEOPLE_ROUTES };
