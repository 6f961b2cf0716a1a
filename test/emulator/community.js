'use strict';
/**
 * The emulator's community data for the v2 "general" routes: accounts (with the Discord and
 * Roblox IDs linked to them), community links and their codes, record templates and records.
 */
const crypto = require('node:crypto');

/**
 * @typedef {{ uuid: string, username: string, communityUserId?: string, discord?: string,
 *   roblox?: number, apiIds?: string[], status: number, joined: string, lastLogin: string, permissions: Record<string, boolean> }} Account
 * @typedef {{ label: string, value: string, uid: string }} Field
 * @typedef {{ recordTypeId: number, id: number, name: string, type: number,
 *   sections: Array<{ category: number, label: string, fields: Field[] }> }} Template
 */

const field = (uid, label) => ({ label, value: '', uid });
const section = (label, fields) => ({ category: 0, label, fields });

/** Built-in templates keep their type as record type ID; custom ones get the community's own. */
const DEFAULT_TEMPLATES = [
	{
		recordTypeId: 4,
		id: 0,
		name: 'License',
		type: 4,
		sections: [
			section('Holder', [
				field('first', 'First Name'),
				field('last', 'Last Name'),
				field('dob', 'Date of Birth'),
			]),
			section('License', [
				field('licenseType', 'License Type'),
				field('licenseStatus', 'Status'),
				field('expiration', 'Expiration'),
			]),
		],
	},
	{
		recordTypeId: 5,
		id: 0,
		name: 'Vehicle Registration',
		type: 5,
		sections: [
			section('Owner', [field('first', 'First Name'), field('last', 'Last Name')]),
			section('Vehicle', [
				field('plate', 'Plate'),
				field('model', 'Model'),
				field('color', 'Color'),
				field('regStatus', 'Status'),
			]),
		],
	},
	{
		recordTypeId: 3,
		id: 0,
		name: 'BOLO',
		type: 3,
		sections: [section('BOLO', [field('description', 'Description'), field('plate', 'Plate')])],
	},
	{
		recordTypeId: 2,
		id: 0,
		name: 'Warrant',
		type: 2,
		sections: [
			section('Subject', [field('first', 'First Name'), field('last', 'Last Name')]),
			section('Warrant', [field('charges', 'Charges')]),
		],
	},
	{
		recordTypeId: 7,
		id: 0,
		name: 'Character',
		type: 7,
		sections: [
			section('Civilian Info', [
				field('first', 'First Name'),
				field('last', 'Last Name'),
				field('dob', 'Date of Birth'),
			]),
		],
	},
	{
		recordTypeId: 12,
		id: 0,
		name: 'Incident Report',
		type: 9,
		sections: [section('Report Details', [field('case_number', 'Case Number')])],
	},
];

const ACCOUNT_FIELDS = [
	'uuid',
	'username',
	'communityUserId',
	'status',
	'joined',
	'lastLogin',
	'permissions',
];

class CommunityStore {
	constructor() {
		/** @type {Account[]} */
		this.accounts = [];
		/** @type {Template[]} */
		this.templates = structuredClone(DEFAULT_TEMPLATES);
		/** @type {Array<Template & { accountUuid: string }>} */
		this.records = [];
		/** @type {Map<string, { communityUserId: string, expiresAt: number }>} */
		this.linkCodes = new Map();
		this.nextRecordId = 1000;
		/** Banned account UUIDs, and the accounts kicked (or banned, which kicks) in order. */
		this.bans = new Set();
		/** @type {string[]} */
		this.kicked = [];
	}

	/** @param {Array<Partial<Account> & { username: string }>} specs */
	addAccounts(specs) {
		for (const spec of specs) {
			this.accounts.push({
				uuid: spec.uuid ?? crypto.randomUUID(),
				status: 1,
				joined: '2026-01-14T18:22:00Z',
				lastLogin: '2026-11-20T20:55:00Z',
				permissions: { civilian: true, police: true, dispatch: false, admin: false },
				...spec,
			});
		}
	}

	/** The account whose `field` equals `value` (compared as text). */
	findAccount(field, value) {
		return this.accounts.find(
			(account) => account[field] !== undefined && String(account[field]) === String(value),
		);
	}

	/** The account with this API ID among its unit identifiers (`apiIds`), in any case. */
	accountWithApiId(apiId) {
		const wanted = String(apiId).toLowerCase();
		return this.accounts.find((account) =>
			(account.apiIds ?? []).some((id) => id.toLowerCase() === wanted),
		);
	}

	/** An account as Sonoran shows it (the Account Object: no Discord or Roblox ID). */
	static show(account) {
		return Object.fromEntries(
			ACCOUNT_FIELDS.filter((key) => account[key] !== undefined).map((key) => [key, account[key]]),
		);
	}

	createLinkCode(communityUserId, now = Date.now()) {
		let code;
		do code = crypto.randomBytes(2).toString('hex').toUpperCase();
		while (this.linkCodes.has(code));
		this.linkCodes.set(code, { communityUserId, expiresAt: now + 600_000 });
		return { code, expiresAt: new Date(now + 600_000).toISOString(), expiresInSeconds: 600 };
	}

	/** What the player's visit to sonorancad.com/id?code=… does: links the ID to their account. */
	completeLink(code, accountUuid, now = Date.now()) {
		const pending = this.linkCodes.get(code);
		if (!pending || pending.expiresAt < now) throw new Error(`No valid link code ${code}`);
		const account = this.findAccount('uuid', accountUuid);
		if (!account) throw new Error(`No account ${accountUuid}`);
		account.communityUserId = pending.communityUserId;
		this.linkCodes.delete(code);
	}

	template(recordTypeId) {
		return this.templates.find((template) => template.recordTypeId === Number(recordTypeId));
	}

	/** A record from a template, its fields filled in from `values` by uid. */
	createRecord(template, values, accountUuid) {
		const record = {
			...structuredClone(template),
			id: this.nextRecordId++,
			accountUuid,
		};
		for (const part of record.sections) {
			for (const entry of part.fields) {
				if (values[entry.uid] !== undefined) entry.value = values[entry.uid];
			}
		}
		this.records.push(record);
		return record;
	}

	/** Fills in a record's fields from `values` by uid; false when a uid is not one of its fields. */
	updateRecord(record, values) {
		const fields = record.sections.flatMap((part) => part.fields);
		if (Object.keys(values).some((uid) => !fields.some((entry) => entry.uid === uid))) return false;
		for (const entry of fields)
			if (values[entry.uid] !== undefined) entry.value = values[entry.uid];
		return true;
	}

	record(recordId) {
		return this.records.find((record) => record.id === Number(recordId));
	}

	deleteRecord(record) {
		this.records.splice(this.records.indexOf(record), 1);
	}

	/** An account's characters: its records made from the Character template (type 7). */
	charactersOf(accountUuid) {
		return this.records.filter((record) => record.type === 7 && record.accountUuid === accountUuid);
	}
}

/** A record's field value by uid. */
function valueOf(record, uid) {
	for (const part of record.sections) {
		const entry = part.fields.find((candidate) => candidate.uid === uid);
		if (entry) return entry.value;
	}
	return undefined;
}

/** A record as the API shows it (without the account it is kept for). */
function showRecord(record) {
	const { accountUuid: _owner, ...shown } = record;
	return shown;
}

module.exports = { CommunityStore, valueOf, showRecord };
