import type { IDataObject } from 'n8n-workflow';

import { statusName } from '../client/unitStatus';
import { canonicalEvent, categoryOf } from './events';

/** Sonoran's docs show `data` as an array of one object; its own handlers read an object. */
function unwrap(data: unknown): unknown {
	return Array.isArray(data) && data.length === 1 ? data[0] : data;
}

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

function numbers(values: unknown[]): Array<number | string> {
	return values
		.filter((value) => typeof value === 'number' || typeof value === 'string')
		.map((value) =>
			typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
		) as Array<number | string>;
}

/**
 * The units an event names: `identIds`, or a single `identId` (older payloads), in `data` or at
 * the top of the body (the group events' handler reads them there), or the ids of `units`.
 */
function identIdsOf(data: IDataObject, body: IDataObject): Array<number | string> {
	for (const source of [data, body]) {
		if (Array.isArray(source.identIds)) return numbers(source.identIds);
		if (source.identId !== undefined) return numbers([source.identId]);
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
		isPanic: data.isPanic === true,
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
};

/**
 * One documented item per event, whatever shape Sonoran sent (see docs/triggers.md, "Sonoran CAD
 * Trigger"). `raw` keeps the payload as received, without the key, for anything new.
 */
export function normalizeEvent(body: IDataObject, receivedAt: Date): IDataObject {
	const event = canonicalEvent(String(body.type));
	const data = unwrap(body.data);
	const shape = SHAPES[event];
	const rest: IDataObject = {};
	for (const [field, value] of Object.entries(body))
		if (field.toLowerCase() !== 'key') rest[field] = value;
	return {
		event,
		category: categoryOf(event),
		receivedAt: receivedAt.toISOString(),
		...(shape ? shape(asObject(data), body) : { data: data as IDataObject }),
		raw: rest,
	};
}
