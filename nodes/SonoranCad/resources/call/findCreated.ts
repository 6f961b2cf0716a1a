import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listCalls, type CallKind } from '../../../client/callListing';
import { isObject, unexpectedAnswer } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { GET_CALLS_V2 } from '../../../client/endpoints';
import type { ItemRequest, Recovery } from '../../kinds/perItem';

/**
 * A key the node adds to the metaData of each call it creates, so that after an attempt without a
 * clear answer it can tell its own call from any other, even one with the same text.
 */
export const REQUEST_ID_KEY = 'n8nRequestId';

/** Unique enough to tell one create request from another; not a secret. */
export function newRequestId(): string {
	return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function metaDataOf(call: IDataObject): IDataObject | undefined {
	const metaData = call.metaData ?? call.MetaData;
	return isObject(metaData) ? metaData : undefined;
}

/** Looks among the server's calls of one kind for the one this request created. */
export function findCreatedCall(kind: CallKind) {
	return async function recover(
		ctx: IExecuteFunctions,
		connection: SonoranConnection,
		request: ItemRequest,
	): Promise<Recovery> {
		const body = request.call.body as IDataObject;
		const requestId = (body.metaData as IDataObject)[REQUEST_ID_KEY];
		const serverId = request.echo.serverId as number;
		const listed = await listCalls(ctx, connection, { serverId, kinds: [kind], closedLimit: 0 });
		if (!Array.isArray(listed)) return { failure: listed };
		const found = listed.find((call) => metaDataOf(call)?.[REQUEST_ID_KEY] === requestId);
		if (!found) return {};
		// As Sonoran answers a create: the call's own fields, without the listing's additions.
		const call: IDataObject = { ...found };
		delete call.kind;
		delete call.serverId;
		return { found: call };
	};
}

/**
 * Looks at the call's notes for one with this request's text and label. Notes carry no ID of
 * their own: an identical note already on the call would be taken for this one (docs/rate-limits.md, "Exactly
 * once").
 */
export async function findAddedNote(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	request: ItemRequest,
): Promise<Recovery> {
	const { callId, serverId } = request.echo as { callId: number; serverId: number };
	const { note, label } = request.call.body as IDataObject;
	const listed = await listCalls(ctx, connection, {
		serverId,
		kinds: ['active'],
		closedLimit: 0,
	});
	if (!Array.isArray(listed)) return { failure: listed };
	const call = listed.find((listedCall) => listedCall.callId === callId);
	const notes = call?.notes ?? call?.Notes;
	if (!Array.isArray(notes)) {
		return { failure: unexpectedAnswer(GET_CALLS_V2, `the notes of open call ${callId}`, '') };
	}
	const added = (notes as IDataObject[]).find(
		(shown) =>
			(shown.content ?? shown.note) === note && (label === undefined || shown.label === label),
	);
	return added ? { found: { callId, note } } : {};
}
