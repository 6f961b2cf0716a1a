import type { IDataObject } from 'n8n-workflow';

import type { ListedCall } from '../client/callListing';

export type CallEvent = 'new911Call' | 'newDispatchCall' | 'dispatchCallChanged' | 'callClosed';

/** What the trigger remembers of one open call: small enough to keep hundreds in static data. */
export interface CallFingerprint {
	/** 'active' or 'emergency'. */
	kind: string;
	/** A short hash of each field's value, to name the fields that changed. */
	fields: Record<string, string>;
	/** A few fields people post when a call clears (LAST_KNOWN), each cut to LAST_KNOWN_CHARS. */
	last?: Record<string, string>;
	/** Kept by versions before `last`: the title or caller. */
	label?: string;
}

/** Kept per open call, so that a removed call's item can say what and where it was. */
export const LAST_KNOWN = ['title', 'caller', 'location', 'address', 'postal', 'code'] as const;
/** At most this many characters per kept field: 6 fields, under 1 KB per call. */
export const LAST_KNOWN_CHARS = 120;

/** The calls open at the last poll, by `<kind>:<callId>`. */
export type SeenCalls = Record<string, CallFingerprint>;

/** Most open calls remembered; a community with more open calls than this is not realistic. */
export const MAX_TRACKED_CALLS = 1000;

/** Fields every answer changes or that the trigger adds itself: not a change of the call. */
const IGNORED_FIELDS = new Set(['updated', 'kind', 'callId', 'serverId', 'callerName']);

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell a field's old value from its new one. */
function shortHash(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(16).padStart(8, '0');
}

export function fingerprint(call: ListedCall): CallFingerprint {
	const fields: Record<string, string> = {};
	for (const [name, value] of Object.entries(call)) {
		if (!IGNORED_FIELDS.has(name)) fields[name] = shortHash(JSON.stringify(value ?? null));
	}
	const last: Record<string, string> = {};
	for (const name of LAST_KNOWN) {
		const value = call[name];
		if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
			last[name] = String(value).slice(0, LAST_KNOWN_CHARS);
		}
	}
	return { kind: call.kind, fields, last };
}

export function callKey(call: { kind: string; callId: number }): string {
	return `${call.kind}:${call.callId}`;
}

export interface CallChange {
	event: CallEvent;
	json: IDataObject;
}

/**
 * Compares the calls open now with those open at the last poll: new 911 calls, new dispatch
 * calls, dispatch calls whose fields changed (naming the fields), and calls no longer open
 * (with the closed call's fields when Sonoran lists it among the latest closed calls).
 */
export function diffCalls(
	seen: SeenCalls,
	open: ListedCall[],
	closed: ListedCall[],
	serverId: number,
): { changes: CallChange[]; next: SeenCalls } {
	const changes: CallChange[] = [];
	const next: SeenCalls = {};
	for (const call of open.slice(0, MAX_TRACKED_CALLS)) {
		const key = callKey(call);
		const now = fingerprint(call);
		next[key] = now;
		const before = seen[key];
		if (!before) {
			changes.push({
				event: call.kind === 'emergency' ? 'new911Call' : 'newDispatchCall',
				json: { event: call.kind === 'emergency' ? 'new911Call' : 'newDispatchCall', ...call },
			});
			continue;
		}
		const changedFields = Object.keys({ ...before.fields, ...now.fields }).filter(
			(name) => before.fields[name] !== now.fields[name],
		);
		if (call.kind === 'active' && changedFields.length) {
			changes.push({
				event: 'dispatchCallChanged',
				json: { event: 'dispatchCallChanged', changedFields, ...call },
			});
		}
	}
	const closedById = new Map(closed.map((call) => [call.callId, call]));
	for (const [key, before] of Object.entries(seen)) {
		if (next[key]) continue;
		const callId = Number(key.slice(key.indexOf(':') + 1));
		const closedCall = before.kind === 'active' ? closedById.get(callId) : undefined;
		const json: IDataObject = closedCall
			? { event: 'callClosed', ...closedCall, kind: before.kind }
			: {
					event: 'callClosed',
					kind: before.kind,
					callId,
					serverId,
					lastKnownLabel: before.label ?? before.last?.title ?? before.last?.caller ?? '',
					...before.last,
				};
		changes.push({ event: 'callClosed', json });
	}
	return { changes, next };
}
