import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * The Sonoran CAD endpoints this package calls, with what each needs: the plan that includes it,
 * how fast it may be called, and how to read its answers. v1 endpoints take `POST {type, data}`
 * with the credential in the body; v2 endpoints are REST with a Bearer key.
 */
export interface Endpoint {
	/** As Sonoran's docs name it, e.g. "Kick Unit". */
	operation: string;
	api: 'v1' | 'v2';
	/** The lowest plan that includes it (v2 pages name no plan: the v1 level is assumed). */
	minPlan: number;
	/** v1: the request type. */
	type?: string;
	/** v1: the fixed path. */
	path?: string;
	/** v2: the HTTP method. */
	method?: IHttpRequestMethods;
	/** v2: the path after `v2/`, its parameters in braces: `emergency/servers/{serverId}/calls`. */
	route?: string;
	/** v2: the documented limit, requests per minute per API key. */
	perMinute?: number;
	/** v2: endpoints that share one documented limit share this name (else each has its own). */
	paceGroup?: string;
	/**
	 * v2, batchable (many items per request): its minute is paced as a short burst and then the
	 * rest spread evenly, so that requests waiting meanwhile share one (see pacing.ts).
	 */
	spread?: boolean;
	/** v1: which text means success. */
	isSuccess?: (text: string) => boolean;
	/** What a 404 means for this endpoint, and whether it blames the request's items. */
	notFound: { message: string; description: string; blamesItems: boolean };
	/**
	 * v2: what a 409 (a conflict with what Sonoran holds) means for this endpoint; `doneAfterUnclear`:
	 * after an attempt without a clear answer, a 409 means that attempt did it.
	 */
	conflict?: { message: string; description: string; doneAfterUnclear?: boolean };
	/**
	 * v2: what a 403 means when it is about the item, not the plan (Set Community Link: the account
	 * and its secret do not match). Otherwise a 403 is a refusal of the plan for every request.
	 */
	forbidden?: { message: string; description: string };
	/** v2: success is an empty answer (Delete Panel). */
	answersNothing?: boolean;
	/** Whether a request that may already have been applied can be sent again. */
	repeat: Repetition;
}

/**
 * After a failure that may have been applied (a 5xx, a timeout, a connection lost after the
 * request was written), may the same request be sent again? `safe`: sending it twice changes
 * nothing more than once (reads, kicks, status, panic, replacing a call's fields); `removes`
 * adds that a 404 then means an earlier attempt removed it. Otherwise it is never sent again
 * blindly, and `check` tells the user where to see whether it was applied.
 */
export type Repetition = { safe: true; removes?: boolean } | { safe: false; check: string };

const SAFE: Repetition = { safe: true };
const REMOVES: Repetition = { safe: true, removes: true };
const unsafe = (check: string): Repetition => ({ safe: false, check });

export const KICK_UNIT_V1: Endpoint = {
	operation: 'Kick Unit',
	api: 'v1',
	minPlan: 2,
	type: 'KICK_UNIT',
	path: 'emergency/kick_unit',
	isSuccess: (text) => text.toUpperCase() === 'UNIT KICKED',
	repeat: SAFE,
	notFound: {
		message: 'Sonoran CAD found no active unit with this API ID (HTTP 404)',
		description:
			"The API ID must belong to a unit that is logged in on the given server. Check the API ID (as set on the player's Sonoran account) and the Server ID; a unit that already logged out cannot be kicked.",
		blamesItems: true,
	},
};

export const KICK_UNIT_V2: Endpoint = {
	operation: 'Kick Unit',
	api: 'v2',
	method: 'POST',
	route: 'emergency/servers/{serverId}/units/kick',
	minPlan: 2,
	perMinute: 20,
	spread: true,
	repeat: SAFE,
	notFound: {
		message: 'Sonoran CAD found no such server or unit (HTTP 404)',
		description:
			'Check that the Server ID is a server configured in Sonoran CAD, and that the identity belongs to a unit that is logged in on it.',
		blamesItems: false,
	},
};

const SERVER_NOT_FOUND = {
	message: 'Sonoran CAD does not know this server (HTTP 404)',
	description:
		'Check that the Server ID is a server configured for the community in Sonoran CAD (Admin → Advanced → In-Game Integration).',
	blamesItems: false,
};

export const GET_ACTIVE_UNITS_V1: Endpoint = {
	operation: 'Get Active Units',
	api: 'v1',
	minPlan: 3,
	type: 'GET_ACTIVE_UNITS',
	path: 'emergency/get_active_units',
	isSuccess: (text) => text.startsWith('['),
	notFound: SERVER_NOT_FOUND,
	repeat: SAFE,
};

export const GET_ACTIVE_UNITS_V2: Endpoint = {
	operation: 'Get Active Units',
	api: 'v2',
	method: 'GET',
	route: 'emergency/servers/{serverId}/units',
	minPlan: 3,
	perMinute: 3,
	notFound: SERVER_NOT_FOUND,
	repeat: SAFE,
};

const NO_VERSION = {
	message: 'Sonoran CAD has no version endpoint at this address (HTTP 404)',
	description: "Check the credential's Environment and Base URL.",
	blamesItems: false,
};

export const GET_VERSION_V1: Endpoint = {
	operation: 'Get Version',
	api: 'v1',
	minPlan: 0,
	type: 'GET_VERSION',
	path: 'general/get_version',
	isSuccess: (text) => /^\d+/.test(text),
	notFound: NO_VERSION,
	repeat: SAFE,
};

export const GET_VERSION_V2: Endpoint = {
	operation: 'Get Version',
	api: 'v2',
	method: 'GET',
	route: 'general/version',
	minPlan: 0,
	perMinute: 10,
	notFound: NO_VERSION,
	repeat: SAFE,
};

/** A call ID that Sonoran does not know on that server: the item's own error. */
const CALL_NOT_FOUND = {
	message: 'Sonoran CAD found no such call on this server (HTTP 404)',
	description:
		'Check the Call ID and the Server ID: the call may have been closed or removed already, or belong to another server.',
	blamesItems: true,
};

const NO_UNITS_OR_SERVER = {
	message: 'Sonoran CAD found no such server, or no unit matching the targets (HTTP 404)',
	description:
		'Check that the Server ID is a server configured in Sonoran CAD, and that the units named are logged in on it.',
	blamesItems: true,
};

/** The route of everything a community's server holds. */
const SERVER = 'emergency/servers/{serverId}';

/**
 * A v2 endpoint: `method route`, at most `perMinute` requests a minute per key. Sonoran's v2 pages
 * name no plan: the v1 level is assumed (for calls: CALL_911 STANDARD, the rest PLUS).
 */
function v2Endpoint(
	operation: string,
	[method, route]: [IHttpRequestMethods, string],
	perMinute: number,
	minPlan = 3,
	notFound = CALL_NOT_FOUND,
	repeat = SAFE,
): Endpoint {
	return { operation, api: 'v2', method, route, minPlan, perMinute, notFound, repeat };
}

/** An endpoint that carries many items per request: its minute is spread (see `spread`). */
function batchable(endpoint: Endpoint): Endpoint {
	return { ...endpoint, spread: true };
}

/** A v2 endpoint's path for these parameters; each is encoded, and a missing one is a bug. */
export function pathOf(endpoint: Endpoint, params: Record<string, string | number> = {}): string {
	const route = (endpoint.route ?? '').replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
		// Operations check each key against its pattern first; this only makes sure that no value
		// ever reaches another route (`..` would climb out of it).
		if (value === undefined || !isRouteSegment(String(value))) {
			throw new RangeError(`${endpoint.operation}: no valid ${name}`);
		}
		return encodeURIComponent(String(value));
	});
	return `v2/${route}`;
}

/** A value that stays one segment of a route: not empty, not `.` or `..`. */
export function isRouteSegment(value: string): boolean {
	return value !== '' && value !== '.' && value !== '..';
}

export const GET_CALLS_V2 = v2Endpoint(
	'Get Calls',
	['GET', `${SERVER}/calls`],
	5,
	3,
	SERVER_NOT_FOUND,
);
export const CREATE_911_CALL_V2 = v2Endpoint(
	'Create 911 Call',
	['POST', `${SERVER}/calls/911`],
	10,
	2,
	SERVER_NOT_FOUND,
	unsafe("Look for the call among the server's 911 calls in Sonoran CAD (or with Get Calls)."),
);
export const REMOVE_911_CALL_V2 = v2Endpoint(
	'Remove 911 Call',
	['DELETE', `${SERVER}/calls/911/{callId}`],
	10,
	2,
	CALL_NOT_FOUND,
	REMOVES,
);
export const CREATE_DISPATCH_CALL_V2 = v2Endpoint(
	'Create Dispatch Call',
	['POST', `${SERVER}/dispatch-calls`],
	20,
	3,
	SERVER_NOT_FOUND,
	unsafe("Look for the call among the server's dispatch calls in Sonoran CAD (or with Get Calls)."),
);
export const UPDATE_DISPATCH_CALL_V2 = v2Endpoint(
	'Update Dispatch Call',
	['PATCH', `${SERVER}/dispatch-calls/{callId}`],
	10,
);
export const ADD_CALL_NOTE_V2 = v2Endpoint(
	'Add Call Note',
	['POST', `${SERVER}/dispatch-calls/{callId}/notes`],
	60,
	3,
	CALL_NOT_FOUND,
	unsafe("Look at the call's notes in Sonoran CAD."),
);
export const ATTACH_UNITS_V2 = v2Endpoint(
	'Attach Units',
	['POST', `${SERVER}/dispatch-calls/{callId}/attachments`],
	10,
	3,
	{
		...CALL_NOT_FOUND,
		message: 'Sonoran CAD found no such call, or no unit matching the targets (HTTP 404)',
	},
);
export const DETACH_UNITS_V2 = v2Endpoint(
	'Detach Units',
	['DELETE', `${SERVER}/dispatch-calls/attachments`],
	10,
	3,
	NO_UNITS_OR_SERVER,
);
export const CLOSE_CALLS_V2 = batchable(
	v2Endpoint(
		'Close Calls',
		['POST', `${SERVER}/dispatch-calls/close`],
		20,
		3,
		CALL_NOT_FOUND,
		// Not REMOVES: a 404 to a batch proves nothing of what an earlier attempt closed.
		SAFE,
	),
);

/** A 404 from a route that names nothing of the item's: the address is wrong. */
const NO_ENDPOINT = {
	message: 'Sonoran CAD has no such endpoint at this address (HTTP 404)',
	description: "Check the credential's Environment and Base URL.",
	blamesItems: false,
};

/** An account or template that Sonoran does not know: the item's own error. */
function itemNotFound(what: string, description: string) {
	return {
		message: `Sonoran CAD found no such ${what} (HTTP 404)`,
		description,
		blamesItems: true,
	};
}

const NO_ACCOUNT = itemNotFound(
	'account',
	'No account of the community matches this identity. A Discord or Roblox ID finds an account only once the player linked it to their Sonoran account; a community user ID only once linked with a link code.',
);

/**
 * v2 accounts, links, records and lookups: the v1 level of each is assumed (GET_ACCOUNT,
 * NEW_RECORD, GET_TEMPLATES, LOOKUP PLUS; SET_API_ID, UNIT_STATUS, UNIT_PANIC STANDARD).
 */
export const GET_ACCOUNT_V2 = v2Endpoint(
	'Get Account',
	['GET', 'general/accounts/account'],
	10,
	3,
	NO_ACCOUNT,
);
export const GET_ACCOUNTS_V2 = v2Endpoint(
	'Get Accounts',
	['GET', 'general/accounts'],
	10,
	3,
	NO_ENDPOINT,
);
export const CREATE_COMMUNITY_LINK_V2 = v2Endpoint(
	'Create Community Link',
	['POST', 'general/links'],
	30,
	2,
	NO_ENDPOINT,
	unsafe(
		'A link code that was created and not shown expires by itself after 10 minutes; run the item again for a new one.',
	),
);
export const CHECK_COMMUNITY_LINK_V2 = v2Endpoint(
	'Check Community Link',
	['POST', 'general/links/check'],
	30,
	2,
	NO_ENDPOINT,
);
export const GET_TEMPLATES_V2 = v2Endpoint(
	'Get Templates',
	['GET', 'general/templates'],
	10,
	3,
	NO_ENDPOINT,
);
export const GET_TEMPLATE_V2 = v2Endpoint(
	'Get Template',
	['GET', 'general/templates/{recordTypeId}'],
	10,
	3,
	itemNotFound('record template', 'Pick the template from the list; it may have been deleted.'),
);
export const CREATE_RECORD_V2 = v2Endpoint(
	'Create Record',
	['POST', 'general/records'],
	30,
	3,
	itemNotFound(
		'record template or target account',
		'Check the template and the target: the player must have linked this identity to their Sonoran account. Pick the template from the list; it may have been deleted.',
	),
	unsafe("Look the record up in Sonoran CAD (Record → Lookup, or the target's records)."),
);
export const LOOKUP_NAME_OR_PLATE_V2 = v2Endpoint(
	'Lookup Name Or Plate',
	['POST', 'general/lookups'],
	30,
	3,
	NO_ENDPOINT,
);
export const LOOKUP_BY_VALUE_V2 = v2Endpoint(
	'Lookup By Value',
	['POST', 'general/lookups/by-value'],
	30,
	3,
	NO_ENDPOINT,
);
export const SET_UNIT_STATUS_V2 = batchable(
	v2Endpoint('Set Unit Status', ['PATCH', `${SERVER}/units/status`], 30, 2, NO_UNITS_OR_SERVER),
);
export const SET_UNIT_PANIC_V2 = batchable(
	v2Endpoint('Set Unit Panic', ['PATCH', `${SERVER}/units/panic`], 20, 2, NO_UNITS_OR_SERVER),
);

export const GET_SERVERS_V2 = v2Endpoint(
	'Get Servers',
	['GET', 'general/servers'],
	10,
	2,
	NO_ENDPOINT,
);

/** A panel, server or action that Sonoran does not know: the item's own error. */
const PANEL_NOT_FOUND = itemNotFound(
	'panel, server or action',
	'Check the Panel Key (List Panels shows them) and the Server ID. An action can be acknowledged only within its 60 s lifetime.',
);

/**
 * Integration Panels (CAD 3.43.24): definitions, live state and dispatchers' actions. Sonoran's
 * pages name no plan for them (0: none is claimed).
 */
const PANELS = 'integration-panels';
const PANEL_ON_SERVER = `${PANELS}/servers/{serverId}/panels/{panelKey}`;

/** Sonoran limits per group: list or get definitions 120 a minute; create, replace or delete 30. */
const READ_DEFINITIONS = 'panel definitions read';
const WRITE_DEFINITIONS = 'panel definitions written';

export const LIST_PANELS_V2: Endpoint = {
	...v2Endpoint('List Panels', ['GET', PANELS], 120, 0, NO_ENDPOINT),
	paceGroup: READ_DEFINITIONS,
};
export const GET_PANEL_V2: Endpoint = {
	...v2Endpoint('Get Panel', ['GET', `${PANELS}/{panelKey}`], 120, 0, PANEL_NOT_FOUND),
	paceGroup: READ_DEFINITIONS,
};
/** Replaces the whole definition: sending it twice leaves the same panel. */
export const SET_PANEL_V2: Endpoint = {
	...v2Endpoint('Create or Replace Panel', ['PUT', `${PANELS}/{panelKey}`], 30, 0, PANEL_NOT_FOUND),
	paceGroup: WRITE_DEFINITIONS,
};
export const DELETE_PANEL_V2: Endpoint = {
	...v2Endpoint(
		'Delete Panel',
		['DELETE', `${PANELS}/{panelKey}`],
		30,
		0,
		PANEL_NOT_FOUND,
		REMOVES,
	),
	paceGroup: WRITE_DEFINITIONS,
	answersNothing: true,
};
/** Replaces the instance's whole state: sending it twice leaves the same state (one more revision). */
export const SET_PANEL_STATE_V2: Endpoint = {
	...v2Endpoint(
		'Set Panel State',
		['PUT', `${PANEL_ON_SERVER}/instances/{instanceKey}/state`],
		300,
		0,
		PANEL_NOT_FOUND,
	),
	conflict: {
		message:
			'Sonoran CAD refused the state: the panel does not exist yet, or it has too many instances (HTTP 409)',
		description:
			'Create the panel first (Panel → Create or Replace Panel with its definition), then set its state. A panel holds at most 100 instances per server: reuse an Instance Key, or delete the panel to start over.',
	},
};
/** Sonoran allows 3 polls a minute per key, across all panels and servers. */
export const GET_PANEL_ACTIONS_V2 = v2Endpoint(
	'Get Panel Actions',
	['GET', `${PANEL_ON_SERVER}/actions`],
	3,
	0,
	PANEL_NOT_FOUND,
);
/** Acknowledging twice shows the dispatcher one result; a 404 after an unclear attempt means it was taken. */
export const ACK_PANEL_ACTION_V2: Endpoint = {
	...v2Endpoint(
		'Acknowledge Panel Action',
		['POST', `${PANEL_ON_SERVER}/actions/{eventId}/ack`],
		240,
		0,
		PANEL_NOT_FOUND,
		REMOVES,
	),
	conflict: {
		message: 'Sonoran CAD says this action was already acknowledged (HTTP 409)',
		description:
			"An action is acknowledged once: the first acknowledgement (by this workflow, another one, or the trigger's Acknowledge on Receipt) stands.",
		doneAfterUnclear: true,
	},
};

/** Civilian characters (records of type 7) of an account. */
export const GET_CHARACTERS_V2 = v2Endpoint(
	'Get Characters',
	['GET', 'civilian/characters'],
	10,
	3,
	NO_ACCOUNT,
);

const RECORD_NOT_FOUND = itemNotFound(
	'record',
	'Check the Record ID (Create Record and Lookup give it as recordId); the record may have been deleted.',
);
/** Replaces the given fields' values: sending it twice leaves the same record. */
export const UPDATE_RECORD_V2 = v2Endpoint(
	'Update Record',
	['PATCH', 'general/records/{recordId}'],
	10,
	3,
	RECORD_NOT_FOUND,
);
export const DELETE_RECORD_V2 = v2Endpoint(
	'Delete Record',
	['DELETE', 'general/records/{recordId}'],
	10,
	3,
	RECORD_NOT_FOUND,
	REMOVES,
);

/** Banning twice leaves the account banned once. */
export const BAN_ACCOUNT_V2 = v2Endpoint(
	'Kick or Ban User',
	['POST', 'general/account-bans'],
	10,
	3,
	NO_ACCOUNT,
);
/**
 * v1 BAN_USER (PLUS), by API ID: v2 has no unban route (`isBan: false` lifts a ban), and the v2
 * ban route takes no API ID (`isBan: true` bans through v1).
 */
export const BAN_USER_V1: Endpoint = {
	operation: 'Ban User',
	api: 'v1',
	minPlan: 3,
	type: 'BAN_USER',
	path: 'general/ban_user',
	isSuccess: (text) => /^USER BAN/i.test(text),
	repeat: SAFE,
	notFound: itemNotFound(
		'account with this API ID',
		"The API ID must be one of the player's unit identifiers on their Sonoran account (typically their Steam or FiveM license ID).",
	),
};

/**
 * Permissions (2026 pages). The catalog and the granular account pages state no limit: 10 a
 * minute is assumed, as their neighbours state. No plan is stated: PLUS is assumed (v1
 * SET_ACCOUNT_PERMISSIONS). A replacement sends the whole list, so sending it twice is safe.
 */
export const GET_PERMISSION_CATALOG_V2 = v2Endpoint(
	'Get Permission Catalog',
	['GET', 'general/permissions/catalog'],
	10,
);
const ACCOUNT_PERMISSIONS = 'general/permissions/accounts/{accountUuid}';
export const GET_ACCOUNT_PERMISSIONS_V2 = v2Endpoint(
	'Get Account Permissions',
	['GET', ACCOUNT_PERMISSIONS],
	10,
	3,
	NO_ACCOUNT,
);
export const REPLACE_ACCOUNT_PERMISSIONS_V2 = v2Endpoint(
	'Replace Account Permissions',
	['PUT', ACCOUNT_PERMISSIONS],
	10,
	3,
	NO_ACCOUNT,
);
/** Adding or removing legacy flags, and setting active, leaves the same account when repeated. */
export const MODIFY_ACCOUNT_PERMISSIONS_V2 = v2Endpoint(
	'Modify Account Permissions',
	['PATCH', 'general/accounts/permissions'],
	10,
	3,
	NO_ACCOUNT,
);
export const APPLY_PERMISSION_KEY_V2 = v2Endpoint(
	'Apply Permission Key',
	['POST', 'general/permission-keys/applications'],
	10,
	3,
	NO_ACCOUNT,
	unsafe("Check the account's permissions in Sonoran CAD (Account → Get Permissions)."),
);

/** An account's unit identifiers (each page: 10 a minute). */
const IDENTIFIERS = 'emergency/accounts/{accountUuid}/identifiers';
const IDENTIFIER_NOT_FOUND = itemNotFound(
	'account or identifier',
	"Check the account and the Identifier ID (Identifier → Get Identifiers lists an account's identifiers).",
);
export const GET_IDENTIFIERS_V2 = v2Endpoint(
	'Get Identifiers',
	['GET', IDENTIFIERS],
	10,
	3,
	NO_ACCOUNT,
);
export const CREATE_IDENTIFIER_V2 = v2Endpoint(
	'Create Identifier',
	['POST', IDENTIFIERS],
	10,
	3,
	NO_ACCOUNT,
	unsafe("Look for it among the account's identifiers (Identifier → Get Identifiers)."),
);
export const UPDATE_IDENTIFIER_V2 = v2Endpoint(
	'Update Identifier',
	['PATCH', `${IDENTIFIERS}/{identId}`],
	10,
	3,
	IDENTIFIER_NOT_FOUND,
);
export const DELETE_IDENTIFIER_V2 = v2Endpoint(
	'Delete Identifier',
	['DELETE', `${IDENTIFIERS}/{identId}`],
	10,
	3,
	IDENTIFIER_NOT_FOUND,
	REMOVES,
);
export const SELECT_IDENTIFIER_V2 = v2Endpoint(
	'Set Selected Identifier',
	['PUT', 'emergency/accounts/{accountUuid}/selected-identifier'],
	10,
	3,
	IDENTIFIER_NOT_FOUND,
);
export const SET_IDENTIFIER_GROUP_V2 = v2Endpoint(
	'Set Identifier Group',
	['PUT', `${SERVER}/identifier-groups/{groupName}`],
	10,
	3,
	itemNotFound(
		'server or identifier',
		'Check the Server ID, and that each unit named has an identifier in the community.',
	),
);
/** An account's units on a server: 10 a minute, where Get Active Units allows 3. */
export const GET_ACCOUNT_UNITS_V2 = v2Endpoint(
	'Get Account Units',
	['GET', `${SERVER}/accounts/{accountUuid}/units`],
	10,
	3,
	itemNotFound('server or account', 'Check the Server ID and the account.'),
);
export const GET_CURRENT_CALL_V2 = v2Endpoint(
	'Get Current Call',
	['GET', 'emergency/accounts/{accountUuid}/current-call'],
	10,
	3,
	itemNotFound(
		'unit on duty for this account',
		'The account has no unit logged in to the CAD, so it has no current call.',
	),
);

/** Characters and their Database Sync links (each page: 10 a minute; PLUS assumed, as GET_CHARACTERS). */
const CHARACTER_NOT_FOUND = itemNotFound(
	'character or account',
	'Check the Character ID (Get Characters gives it as characterId) and the account.',
);
export const DELETE_CHARACTER_V2 = v2Endpoint(
	'Delete Character',
	['DELETE', 'civilian/characters/{characterId}'],
	10,
	3,
	CHARACTER_NOT_FOUND,
	REMOVES,
);
export const SELECT_CHARACTER_V2 = v2Endpoint(
	'Set Selected Character',
	['PUT', 'civilian/selected-character'],
	10,
	3,
	CHARACTER_NOT_FOUND,
);
export const GET_CHARACTER_LINKS_V2 = v2Endpoint(
	'Get Character Links',
	['GET', 'civilian/character-links'],
	10,
	3,
	NO_ACCOUNT,
);
export const SET_CHARACTER_LINK_V2 = v2Endpoint(
	'Add Character Link',
	['PUT', 'civilian/character-links/{syncId}'],
	10,
	3,
	NO_ACCOUNT,
);
export const REMOVE_CHARACTER_LINK_V2 = v2Endpoint(
	'Remove Character Link',
	['DELETE', 'civilian/character-links/{syncId}'],
	10,
	3,
	itemNotFound(
		'account or character link',
		'Check the account and the Sync ID (Get Character Links lists them).',
	),
	REMOVES,
);

/** Links an account to an in-game ID directly (30 a minute); reassigning the same link changes nothing. */
export const SET_COMMUNITY_LINK_V2: Endpoint = {
	...v2Endpoint('Set Community Link', ['POST', 'general/links/set'], 30, 2, NO_ACCOUNT),
	forbidden: {
		message:
			'Sonoran CAD refused the link: the account UUID and the secret do not match (HTTP 403)',
		description:
			"Give the account's UUID and its community secret as the player's account shows them; Sonoran does not say which of the two is wrong.",
	},
};
/** Resolves an account from its secret (10 a minute); PLUS assumed. */
export const VERIFY_SECRET_V2 = v2Endpoint(
	'Verify Secret',
	['POST', 'general/secrets/verify'],
	10,
	3,
	itemNotFound(
		'account with this secret',
		"Check the secret: it is the account's community secret UUID.",
	),
);
/** Shows a photo on the player's active connections (10 a minute): sent twice, it is shown twice. */
export const SEND_PHOTO_V2 = v2Endpoint(
	'Send Photo',
	['POST', 'general/photos'],
	10,
	3,
	NO_ACCOUNT,
	unsafe('The player may already have been shown the photo.'),
);

/**
 * Custom dispatch (Sonoran's community-defined call layouts), a call's postal and primary unit.
 * The pages name no plan: PLUS assumed, as the other dispatch call routes.
 */
const DISPATCH_TEMPLATE_NOT_FOUND = itemNotFound(
	'dispatch template',
	'Pick the dispatch template from the list (Call → Get Dispatch Templates lists them); it may have been deleted.',
);
export const GET_DISPATCH_TEMPLATES_V2 = v2Endpoint(
	'Get Dispatch Templates',
	['GET', 'emergency/dispatch-templates'],
	10,
	3,
	NO_ENDPOINT,
);
export const GET_DISPATCH_TEMPLATE_V2 = v2Endpoint(
	'Get Dispatch Template',
	['GET', 'emergency/dispatch-templates/{templateId}'],
	10,
	3,
	DISPATCH_TEMPLATE_NOT_FOUND,
);
export const CREATE_CUSTOM_DISPATCH_CALL_V2 = v2Endpoint(
	'Create Custom Dispatch Call',
	['POST', `${SERVER}/custom-dispatch-calls`],
	20,
	3,
	itemNotFound(
		'dispatch template or unit target',
		'Check the dispatch template, the Server ID and the units to attach: each must be a unit on duty (an active identifier).',
	),
	unsafe("Look for it among the server's calls (Call → Get Calls)."),
);
export const SET_CALL_POSTAL_V2 = v2Endpoint(
	'Update Call Postal',
	['PATCH', `${SERVER}/dispatch-calls/{callId}/postal`],
	20,
);
export const SET_CALL_PRIMARY_V2 = v2Endpoint(
	'Update Call Primary',
	['PATCH', `${SERVER}/dispatch-calls/{callId}/primary`],
	10,
);

/** Record drafts and custom lookups: PLUS assumed, as records and lookups. */
export const SEND_RECORD_DRAFT_V2 = v2Endpoint(
	'Send Draft',
	['POST', 'general/record-drafts'],
	10,
	3,
	itemNotFound(
		'record template or account',
		'Pick the template from the list, and check the account the draft is sent to: it must be linked and signed in to the CAD.',
	),
	unsafe('The player may already have the draft open in the CAD.'),
);
export const LOOKUP_CUSTOM_V2 = v2Endpoint(
	'Lookup By Custom Search',
	['POST', 'general/lookups/custom'],
	30,
	3,
	itemNotFound(
		'custom lookup mapping',
		"Check Mapping: it is the name of a custom lookup mapping configured in the community's CAD.",
	),
);

/** The live map: blips and unit locations (v1 blips: PRO; unit locations: STANDARD). */
const BLIP_NOT_FOUND = itemNotFound(
	'blip on this server',
	"Check the Blip ID and the Server ID (Map → Get Blips lists the server's blips).",
);
export const GET_BLIPS_V2 = v2Endpoint(
	'Get Blips',
	['GET', `${SERVER}/blips`],
	10,
	4,
	SERVER_NOT_FOUND,
);
export const CREATE_BLIP_V2 = v2Endpoint(
	'Create Blip',
	['POST', `${SERVER}/blips`],
	30,
	4,
	SERVER_NOT_FOUND,
	unsafe("Look for it among the server's blips (Map → Get Blips)."),
);
export const UPDATE_BLIP_V2 = v2Endpoint(
	'Update Blip',
	['PATCH', `${SERVER}/blips/{blipId}`],
	30,
	4,
	BLIP_NOT_FOUND,
);
export const DELETE_BLIPS_V2 = batchable(
	v2Endpoint('Delete Blips', ['POST', `${SERVER}/blips/delete`], 30, 4, BLIP_NOT_FOUND, REMOVES),
);
export const UPDATE_UNIT_LOCATIONS_V2 = batchable(
	v2Endpoint(
		'Update Unit Locations',
		['PATCH', `${SERVER}/unit-locations`],
		12,
		2,
		NO_UNITS_OR_SERVER,
	),
);

/**
 * The community's configuration. The pages name no plan: STANDARD assumed (v1 SET_SERVERS,
 * SET_POSTALS, HEARTBEAT). A replace (PUT) sends the whole list: sending it twice leaves the same.
 */
export const GET_INFO_V2 = v2Endpoint('Get Info', ['GET', 'general/info'], 10, 2, NO_ENDPOINT);
export const GET_PENAL_CODES_V2 = v2Endpoint(
	'Get Penal Codes',
	['GET', 'general/penal-codes'],
	4,
	2,
	NO_ENDPOINT,
);
export const SET_PENAL_CODES_V2 = v2Endpoint(
	'Set Penal Codes',
	['PUT', 'general/penal-codes'],
	4,
	2,
	NO_ENDPOINT,
);
export const SET_POSTALS_V2 = v2Endpoint(
	'Set Postal Config',
	['PUT', 'general/postals'],
	10,
	2,
	NO_ENDPOINT,
);
export const SET_SERVERS_V2 = v2Endpoint(
	'Set Servers',
	['PUT', 'general/servers'],
	10,
	2,
	NO_ENDPOINT,
);
export const HEARTBEAT_V2 = v2Endpoint(
	'Heartbeat',
	['POST', 'general/servers/{serverId}/heartbeat'],
	10,
	2,
	SERVER_NOT_FOUND,
);
export const GET_DATABASE_SYNC_V2 = v2Endpoint(
	'Get Database Sync Configuration',
	['GET', 'general/database-sync'],
	10,
	2,
	NO_ENDPOINT,
);
export const GET_FIVEM_CONFIGURATION_V2 = v2Endpoint(
	'Get FiveM Configuration',
	['GET', 'fivem/servers/{serverId}/configuration'],
	10,
	2,
	SERVER_NOT_FOUND,
);

/** A server's emergency configuration (v1 pager, stations, callouts, street signs: PRO). */
export const GET_PAGER_CONFIG_V2 = v2Endpoint(
	'Get Pager Config',
	['GET', `${SERVER}/pager-config`],
	2,
	4,
	SERVER_NOT_FOUND,
);
export const SET_PAGER_CONFIG_V2 = v2Endpoint(
	'Set Pager Config',
	['PUT', `${SERVER}/pager-config`],
	2,
	4,
	SERVER_NOT_FOUND,
);
export const SET_STATIONS_V2 = v2Endpoint(
	'Set Stations',
	['PUT', `${SERVER}/stations`],
	2,
	4,
	SERVER_NOT_FOUND,
);
export const SET_CALLOUTS_V2 = v2Endpoint(
	'Set Callouts',
	['PUT', `${SERVER}/callouts`],
	2,
	4,
	SERVER_NOT_FOUND,
);
export const SET_STREET_SIGN_CONFIG_V2 = v2Endpoint(
	'Set Street Sign Config',
	['PUT', `${SERVER}/street-sign-config`],
	2,
	4,
	SERVER_NOT_FOUND,
);
export const UPDATE_STREET_SIGNS_V2 = v2Endpoint(
	'Update Street Signs',
	['PATCH', `${SERVER}/street-signs`],
	10,
	4,
	itemNotFound(
		'street sign on this server',
		"Check the sign IDs and the Server ID: they are the IDs of the server's street sign configuration.",
	),
);

/**
 * What takes away or replaces something people rely on: a unit on duty, a ban, a call, a record,
 * a permission, a configuration list. An AI agent should use these only behind a person's review
 * (docs/ai-agents.md); the list is the one place that says so.
 */
export const DESTRUCTIVE: ReadonlySet<Endpoint> = new Set([
	KICK_UNIT_V1,
	KICK_UNIT_V2,
	BAN_ACCOUNT_V2,
	BAN_USER_V1,
	REMOVE_911_CALL_V2,
	CLOSE_CALLS_V2,
	DETACH_UNITS_V2,
	DELETE_RECORD_V2,
	SET_PANEL_V2,
	DELETE_PANEL_V2,
	DELETE_CHARACTER_V2,
	REMOVE_CHARACTER_LINK_V2,
	REPLACE_ACCOUNT_PERMISSIONS_V2,
	MODIFY_ACCOUNT_PERMISSIONS_V2,
	DELETE_IDENTIFIER_V2,
	DELETE_BLIPS_V2,
	SET_PENAL_CODES_V2,
	SET_POSTALS_V2,
	SET_SERVERS_V2,
	SET_PAGER_CONFIG_V2,
	SET_STATIONS_V2,
	SET_CALLOUTS_V2,
	SET_STREET_SIGN_CONFIG_V2,
]);
