import type { IDataObject } from 'n8n-workflow';

function objectOf(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

const numeric = (value: IDataObject[string]) =>
	typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/**
 * A dispatcher's panel action as one item, whether polled (Get Actions) or pushed
 * (`EVENT_PANEL_<KEY>`): Sonoran says both carry the same id, cursor, routing fields, values and
 * timestamps. The actor is read flat (`actorUuid`, `actorName`) or as an `actor` object, since
 * the push envelope is not documented.
 */
export function panelEventFields(event: IDataObject): IDataObject {
	const actor = objectOf(event.actor);
	const fields: IDataObject = {
		eventId: event.id ?? event.eventId,
		cursor: numeric(event.cursor),
		panelKey: event.panelKey,
		serverId: numeric(event.serverId),
		instanceKey: event.instanceKey,
		actionId: event.actionId,
		values: objectOf(event.values),
		actorUuid: event.actorUuid ?? actor.uuid ?? actor.accountUuid,
		actorName: event.actorName ?? actor.name ?? actor.username,
		createdAt: event.createdAt,
		expiresAt: event.expiresAt,
	};
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined),
	) as IDataObject;
}
