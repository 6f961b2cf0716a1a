'use strict';
/**
 * The emulator's calls: 911 calls, active dispatch calls and closed dispatch calls, with the
 * fields Sonoran's v2 pages show. The v2 routes change them; tests change them too, as the CAD
 * would (a dispatcher editing or closing a call), to drive the Call Trigger.
 */

const STATUS_CLOSED = 2;

/** @typedef {Record<string, any>} Call */

class CallStore {
	constructor() {
		this.nextId = 500;
		/** @type {Map<number, Call>} 911 calls by callId */
		this.emergency = new Map();
		/** @type {Map<number, Call>} active dispatch calls by callId */
		this.dispatch = new Map();
		/** @type {Call[]} closed dispatch calls, newest first */
		this.closed = [];
	}

	stamp(call) {
		call.updated = new Date().toISOString();
		return call;
	}

	/** @param {number} serverId @param {Call} fields */
	create911(serverId, fields) {
		const call = {
			callId: this.nextId++,
			isEmergency: true,
			caller: '',
			location: '',
			description: '',
			metaData: {},
			...fields,
			serverId,
		};
		this.emergency.set(call.callId, this.stamp(call));
		return call;
	}

	/** @param {number} serverId @param {number} callId */
	remove911(serverId, callId) {
		const call = this.emergency.get(callId);
		if (!call || call.serverId !== serverId) return undefined;
		this.emergency.delete(callId);
		return call;
	}

	/** @param {number} serverId @param {Call} fields @param {number[]} [idents] */
	createDispatch(serverId, fields, idents = []) {
		const call = {
			callId: this.nextId++,
			origin: 0,
			status: 1,
			priority: 1,
			block: '',
			address: '',
			postal: '',
			title: '',
			code: '',
			primary: idents[0] ?? 0,
			trackPrimary: false,
			description: '',
			notes: [],
			idents: [...idents],
			metaData: {},
			...fields,
			serverId,
		};
		this.dispatch.set(call.callId, this.stamp(call));
		return call;
	}

	/** An active dispatch call on the server, or undefined. */
	active(serverId, callId) {
		const call = this.dispatch.get(callId);
		return call && call.serverId === serverId ? call : undefined;
	}

	/** Changes an active dispatch call's fields; undefined when there is no such call. */
	update(serverId, callId, fields) {
		const call = this.active(serverId, callId);
		if (!call) return undefined;
		Object.assign(call, fields);
		return this.stamp(call);
	}

	addNote(serverId, callId, { note, noteType, label }) {
		const call = this.active(serverId, callId);
		if (!call) return undefined;
		call.notes.push({
			time: new Date().toISOString(),
			label: label || 'API',
			type: noteType || 'text',
			content: note,
		});
		this.stamp(call);
		return call;
	}

	attach(serverId, callId, identIds) {
		const call = this.active(serverId, callId);
		if (!call) return undefined;
		call.idents = [...new Set([...call.idents, ...identIds])];
		this.stamp(call);
		return call;
	}

	/** Detaches the units from whatever active call on the server holds them; the ones detached. */
	detach(serverId, identIds) {
		const detached = [];
		for (const call of this.dispatch.values()) {
			if (call.serverId !== serverId) continue;
			const kept = call.idents.filter((id) => !identIds.includes(id));
			if (kept.length === call.idents.length) continue;
			detached.push(...call.idents.filter((id) => identIds.includes(id)));
			call.idents = kept;
			this.stamp(call);
		}
		return detached;
	}

	/** Closes the active dispatch calls among `callIds` on the server; the IDs it closed. */
	close(serverId, callIds) {
		const closed = [];
		for (const callId of callIds) {
			const call = this.active(serverId, callId);
			if (!call) continue;
			this.dispatch.delete(callId);
			call.status = STATUS_CLOSED;
			this.closed.unshift(this.stamp(call));
			closed.push(callId);
		}
		return closed;
	}

	/**
	 * GET …/calls: `type` 0 dispatch only, 1 911 only, 100 (default) all. The list keys are
	 * PascalCase as on Sonoran's Get Calls page since 2026-04-27; `camelCase` gives the page's
	 * earlier shape, which the node still reads.
	 */
	list(serverId, { closedLimit = 10, closedOffset = 0, type = 100, camelCase = false } = {}) {
		const onServer = (call) => call.serverId === serverId;
		const show = ({ serverId: _server, ...call }) => call;
		const closed = this.closed.filter(onServer);
		const lists = {
			ActiveCalls: type === 1 ? [] : [...this.dispatch.values()].filter(onServer).map(show),
			EmergencyCalls: type === 0 ? [] : [...this.emergency.values()].filter(onServer).map(show),
			ClosedCalls:
				type === 1 ? [] : closed.slice(closedOffset, closedOffset + closedLimit).map(show),
			ClosedCallCount: closed.length,
		};
		if (!camelCase) return lists;
		return Object.fromEntries(
			Object.entries(lists).map(([key, value]) => [key[0].toLowerCase() + key.slice(1), value]),
		);
	}
}

module.exports = { CallStore };
