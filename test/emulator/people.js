'use strict';
/**
 * The emulator's people data beyond accounts: granular permissions (the catalog built from the
 * community's templates, each account's grants), the legacy flags and permission keys, and each
 * account's unit identifiers (Sonoran's `general/permissions`, `accounts/permissions`,
 * `permission-keys` and `emergency/accounts/{uuid}/identifiers` pages).
 */

const GLOBAL_FIELDS = ['civilian', 'police', 'fire', 'ems', 'dispatch', 'liveMap', 'admin'];
const RECORD_ACTIONS = [
	'read',
	'create',
	'edit.own',
	'edit.any',
	'delete.own',
	'delete.any',
	'supervise',
];

/** Legacy flags as `add`/`remove` name them, and the account permission each sets. */
const LEGACY_FLAGS = {
	CIVILIAN: 'civilian',
	POLICE: 'police',
	FIRE: 'fire',
	EMS: 'ems',
	DISPATCH: 'dispatch',
	LIVE_MAP: 'liveMap',
	ADMIN: 'admin',
};

/**
 * @typedef {{ id: number, accId: string, status: number, isPanic: boolean, location: string,
 *   aop: string, isDispatch: boolean, data: Record<string, unknown> }} Identifier
 */

const IDENTIFIER_DATA = [
	'unitNum',
	'name',
	'district',
	'department',
	'subdivision',
	'rank',
	'group',
	'page',
];
const IDENTIFIER_DEFAULTS = {
	unitNum: 'NEW UNIT',
	name: 'NO NAME',
	district: 'NOT SET',
	department: 'NOT SET',
	subdivision: 'NOT SET',
	rank: 'NOT SET',
	group: '',
	page: -1,
};

class PeopleStore {
	/** @param {import('./community').CommunityStore} community */
	constructor(community) {
		this.community = community;
		/** @type {Map<string, string[]>} explicit grants by account UUID, once replaced */
		this.grants = new Map();
		/** Community members that may be active at once (pending ones do not count). */
		this.memberLimit = Infinity;
		/** @type {Map<string, string[]>} permission key → the legacy flags it applies */
		this.permissionKeys = new Map([['DISPATCH-KEY', ['DISPATCH']]]);
		/** @type {Map<string, { selected: number | null, list: Identifier[] }>} by account UUID */
		this.identifiers = new Map();
		/** @type {Map<string, string>} the selected character (ID or sync ID) by account UUID */
		this.selectedCharacters = new Map();
		/** @type {Map<string, string[]>} Database Sync character IDs linked to each account */
		this.characterLinks = new Map();
		/** @type {Array<{ accountUuid: string, url: string }>} photos shown, in order */
		this.photos = [];
		this.nextIdentId = 500;
	}

	/** The catalog: a grant per global field and per template and record action. */
	catalog() {
		const permissions = [
			...GLOBAL_FIELDS.map((name) => ({
				id: `global.${name}`,
				label: name,
				templateId: null,
				templateName: null,
				action: name,
			})),
			...this.community.templates.flatMap((template) =>
				RECORD_ACTIONS.map((action) => ({
					id: `record.${template.recordTypeId}.${action}`,
					label: action,
					templateId: template.recordTypeId,
					templateName: template.name,
					action,
				})),
			),
		];
		const legacyGrants = Object.fromEntries(
			Object.entries(LEGACY_FLAGS).map(([flag, field]) => [
				flag,
				[`global.${field}`, ...(flag === 'POLICE' ? ['record.4.read', 'record.5.read'] : [])],
			]),
		);
		return {
			version: 2,
			communityUuid: '00000000-0000-0000-0000-00000000c0de',
			permissions,
			legacyGrants,
		};
	}

	/** An account's grants: explicit ones once replaced, else derived from its legacy flags. */
	grantsOf(account) {
		const explicit = this.grants.get(account.uuid);
		if (explicit) return explicit;
		if (account.owner) return this.catalog().permissions.map((grant) => grant.id);
		const { legacyGrants } = this.catalog();
		return [
			...new Set(
				Object.entries(LEGACY_FLAGS)
					.filter(([, field]) => account.permissions?.[field])
					.flatMap(([flag]) => legacyGrants[flag]),
			),
		];
	}

	/** Replaces the grants; a reason (400) when it cannot, as the page lists them. */
	replace(account, grants) {
		if (account.owner) return "The community owner's permissions cannot be edited.";
		if (account.status !== 0 && account.status !== 1) return 'This membership cannot be edited.';
		const known = new Set(this.catalog().permissions.map((grant) => grant.id));
		const unknown = grants.find((grant) => !known.has(grant));
		if (unknown !== undefined) return `Unknown grant: ${unknown}`;
		if (grants.length && account.status === 0 && this.activeMembers() >= this.memberLimit) {
			return 'The community has reached its member limit.';
		}
		this.grants.set(account.uuid, [...new Set(grants)]);
		account.status = grants.length ? 1 : 0;
		return undefined;
	}

	activeMembers() {
		return this.community.accounts.filter((account) => account.status === 1).length;
	}

	/** Legacy add/remove (upper-case flags) and active; a reason when a flag is unknown. */
	modify(account, { add = [], remove = [], active }) {
		const unknown = [...add, ...remove].find((flag) => !(flag in LEGACY_FLAGS));
		if (unknown !== undefined) return `Unknown permission: ${unknown}`;
		account.permissions = { ...account.permissions };
		for (const flag of add) account.permissions[LEGACY_FLAGS[flag]] = true;
		for (const flag of remove) account.permissions[LEGACY_FLAGS[flag]] = false;
		this.grants.delete(account.uuid);
		if (active !== undefined) account.status = active ? 1 : 0;
		return undefined;
	}

	identifiersOf(uuid) {
		let entry = this.identifiers.get(uuid);
		if (!entry) {
			entry = { selected: null, list: [] };
			this.identifiers.set(uuid, entry);
		}
		return entry;
	}

	/** Creates an identifier with the page's defaults for what is not given. */
	createIdentifier(uuid, fields = {}) {
		const entry = this.identifiersOf(uuid);
		const data = { ...IDENTIFIER_DEFAULTS };
		for (const name of IDENTIFIER_DATA) if (fields[name] !== undefined) data[name] = fields[name];
		const identifier = {
			id: this.nextIdentId++,
			accId: uuid,
			status: fields.status ?? 0,
			isPanic: false,
			location: '',
			aop: fields.aop ?? '',
			isDispatch: fields.isDispatch ?? false,
			data,
		};
		entry.list.push(identifier);
		entry.selected ??= identifier.id;
		return identifier;
	}

	findIdentifier(uuid, identId) {
		return this.identifiersOf(uuid).list.find((identifier) => identifier.id === identId);
	}

	/** Only the fields sent are overwritten. */
	updateIdentifier(identifier, fields) {
		for (const name of ['status', 'aop', 'isDispatch']) {
			if (fields[name] !== undefined) identifier[name] = fields[name];
		}
		for (const name of IDENTIFIER_DATA) {
			if (fields[name] !== undefined) identifier.data[name] = fields[name];
		}
		return identifier;
	}

	deleteIdentifier(uuid, identId) {
		const entry = this.identifiersOf(uuid);
		entry.list = entry.list.filter((identifier) => identifier.id !== identId);
		if (entry.selected === identId) entry.selected = entry.list[0]?.id ?? null;
	}
}

module.exports = { PeopleStore, LEGACY_FLAGS };
