import type { IDataObject } from 'n8n-workflow';

import { panelEventFields } from '../client/panelActions';
import { withoutPrototypeKeys } from '../client/safeKeys';
import { statusName } from '../client/unitStatus';
import { canonicalEvent, categoryOf, isPanelEvent, panelKeyOfType } from './events';

/** Sonoran's docs show `data` as an array of one object; its own handlers read an object. */
function unwrap(data: unknown): unknown {
	return Array.isArray(data) && data.length === 1 ? data[0] : data;
}

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

/** IDs as numbers where they are numeric; a unit given as an object counts by its `id`. */
function numbers(values: unknown[]): Array<number | string> {
	return values
		.map((value) => (value !== null && typeof value === 'object' ? asObject(value).id : value))
		.filter((value) => typeof value === 'number' || typeof value === 'string')
		.map((value) =>
			typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
		) as Array<number | string>;
}

/** A list, or one value as a list of one (the docs' own examples send `identIds: 5`). */
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * The units an event names: `identIds` (a list or one number), a single `identId` (older
 * payloads), or `idents`/`ident` (attach and detach), in `data` or at the top of the body (the
 * group events' handler reads them there), or the ids of `units`.
 */
function identIdsOf(data: IDataObject, body: IDataObject): Array<number | string> {
	for (const source of [data, body]) {
		for (const field of ['identIds', 'identId', 'idents', 'ident']) {
			if (source[field] !== undefined && source[field] !== null) {
				return numbers(listOf(source[field]));
			}
		}
	}
	if (Array.isArray(data.units)) return numbers(data.units.map((unit) => asObject(unit).id));
	return [];
}

function callIdsOf(data: IDataObject): Array<number | string> {
	if (Array.isArray(data.callIds)) return numbers(data.callIds);
	return data.callId === undefined ? [] : numbers([data.callId]);
}

function status(value: unknown): IDataObject {
	const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number') return {};
	return { status: number, statusName: statusName(number) };
}

/** A logged-in unit: the fields a workflow checks, on top, named as Get Active Units names them. */
function loginFields(data: IDataObject): IDataObject {
	const unit = asObject(data.unit);
	const unitData = asObject(unit.data);
	const apiIds = Array.isArray(unitData.apiIds)
		? unitData.apiIds
		: [unitData.apiId1, unitData.apiId2].filter((id) => typeof id === 'string' && id !== '');
	return {
		identId: unit.id,
		apiId: apiIds[0],
		apiIds,
		communityUserId: unitData.communityUserId,
		unitNum: unitData.unitNum,
		name: unitData.name,
		...status(unit.status),
		isDispatch: data.isDispatch ?? unit.isDispatch ?? false,
		selfDispatch: data.selfDispatch ?? false,
		unit,
	};
}

/** What each event's item holds besides `event`, `category`, `receivedAt` and `raw`. */
const SHAPES: Record<string, (data: IDataObject, body: IDataObject) => IDataObject> = {
	EVENT_UNIT_LOGIN: loginFields,
	EVENT_UNIT_LOGOUT: (data, body) => ({ identIds: identIdsOf(data, body) }),
	EVENT_UNIT_STATUS: (data, body) => {
		const units = Array.isArray(data.units) ? data.units : undefined;
		const first = units ? asObject(units[0]) : {};
		return {
			identIds: identIdsOf(data, body),
			...status(data.status ?? first.status),
			...(units ? { units } : {}),
		};
	},
	EVENT_UNIT_PANIC: (data, body) => ({
		identIds: identIdsOf(data, body),
		isPanic: panicOf(data.isPanic ?? body.isPanic),
	}),
	EVENT_UNIT_GROUP_ADD: (data, body) => ({
		identIds: identIdsOf(data, body),
		groupName: data.groupName ?? body.groupName,
	}),
	EVENT_UNIT_GROUP_REMOVE: (data, body) => ({
		identIds: identIdsOf(data, body),
		groupName: data.groupName ?? body.groupName,
	}),
	EVENT_UNIT_GROUP_CHANGE_NAME: (data, body) => ({
		identIds: identIdsOf(data, body),
		oldName: data.oldName ?? body.oldName,
		newName: data.newName ?? body.newName,
	}),
	EVENT_UNIT_UPDATE: (data, body) => ({
		identIds: identIdsOf(data, body),
		units: Array.isArray(data.units) ? data.units : [],
	}),
	EVENT_REMOVE_911: (data) => ({ callIds: callIdsOf(data), data }),
	EVENT_DISPATCH_CLOSED: (data) => ({ callIds: callIdsOf(data), data }),
	EVENT_DISPATCH_UNIT_ATTACH: unitsOnCall,
	EVENT_DISPATCH_UNIT_DETACH: unitsOnCall,
};

/** Attach and detach: the call, and the units by `ident`/`idents`. */
function unitsOnCall(data: IDataObject, body: IDataObject): IDataObject {
	return { callIds: callIdsOf(data), identIds: identIdsOf(data, body), data };
}

/** Pressed or released; null when the event does not say (older panic payloads). */
function panicOf(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return null;
}

/**
 * A panel action: its fields in `data` (as the smart-signs example shows), or at the top of the
 * body; the panel key from the event type when neither names it.
 */
function panelFields(event: string, data: IDataObject, body: IDataObject): IDataObject {
	const source = data.panelKey !== undefined || data.actionId !== undefined ? data : body;
	return { panelKey: panelKeyOfType(event), ...panelEventFields(source) };
}

/**
 * One documented item per event, whatever shape Sonoran sent (see docs/triggers.md, "Sonoran CAD
 * Trigger"). `raw` keeps the payload as received, without the key, for anything new.
 */
export function normalizeEvent(
	received: IDataObject,
	receivedAt: Date,
	forwardedFor: { serverId?: number } = {},
): IDataObject {
	// Names such as __proto__ never become keys of the item, nor reach its prototype.
	const body = withoutPrototypeKeys(received) as IDataObject;
	const event = canonicalEvent(String(body.type));
	const data = unwrap(body.data);
	const shape = isPanelEvent(event) ? panelFields.bind(null, event) : SHAPES[event];
	const rest: IDataObject = {};
	for (const [field, value] of Object.entries(body))
		if (field.toLowerCase() !== 'key') rest[field] = value;
	return {
		event,
		category: categoryOf(event),
		receivedAt: receivedAt.toISOString(),
		// The server the forward URL names (`?serverId=2`): the envelope carries none.
		...(forwardedFor.serverId !== undefined ? { serverId: forwardedFor.serverId } : {}),
		...(shape ? shape(asObject(data), body) : { data: data as IDataObject }),
		raw: rest,
	};
}
