import type { IDataObject } from 'n8n-workflow';

import { judge, unexpectedAnswer, type SonoranFailure } from './answers';
import type { SonoranConnection, SonoranContext } from './connection';
import { GET_CALLS_V2 } from './endpoints';
import { requestV2 } from './transport';

export type CallKind = 'active' | 'emergency' | 'closed';

/** A call as listed, with its kind and ID on top, then Sonoran's fields as returned. */
export type ListedCall = IDataObject & { kind: CallKind; callId: number; serverId: number };

export interface CallQuery {
	serverId: number;
	kinds: CallKind[];
	/** Most closed calls to list (Sonoran's default is 10, its most 100). */
	closedLimit: number;
	/** Latest closed calls to skip. */
	closedOffset?: number;
}

/** Sonoran's list keys per kind: camelCase on the v2 page, PascalCase in the official resource. */
const LIST_KEYS: Record<CallKind, [string, string]> = {
	active: ['activeCalls', 'ActiveCalls'],
	emergency: ['emergencyCalls', 'EmergencyCalls'],
	closed: ['closedCalls', 'ClosedCalls'],
};

/** `type`: 0 dispatch calls only, 1 911 calls only, 100 all. */
function tableType(kinds: CallKind[]): number {
	if (!kinds.includes('emergency')) return 0;
	return kinds.length === 1 ? 1 : 100;
}

/**
 * n8n's expressions refuse to read a field named `caller` ("due to security concerns"), which is
 * what Sonoran names a 911 call's caller: the same value is also given as `callerName`.
 */
export function withCallerName(call: IDataObject): IDataObject {
	return 'caller' in call ? { ...call, callerName: call.caller } : call;
}

/**
 * One `GET /v2/emergency/servers/{serverId}/calls`: the chosen kinds of call, each call an
 * object with its kind and ID on top; or why there are none.
 */
export async function listCalls(
	ctx: SonoranContext,
	connection: SonoranConnection,
	query: CallQuery,
): Promise<ListedCall[] | SonoranFailure> {
	const verdict = judge(
		GET_CALLS_V2,
		await requestV2(ctx, connection, GET_CALLS_V2, {
			params: { serverId: query.serverId },
			qs: {
				type: tableType(query.kinds),
				...(query.kinds.includes('closed') ? { closedLimit: query.closedLimit } : {}),
				...(query.closedOffset ? { closedOffset: query.closedOffset } : {}),
			},
		}),
	);
	if (!verdict.ok) return verdict.failure;
	const json = verdict.json as IDataObject | undefined;
	const lists = query.kinds.map((kind) => {
		const [camel, pascal] = LIST_KEYS[kind];
		return { kind, list: json?.[camel] ?? json?.[pascal] };
	});
	if (typeof json !== 'object' || json === null || lists.some(({ list }) => !Array.isArray(list))) {
		return unexpectedAnswer(
			GET_CALLS_V2,
			'lists of calls (ActiveCalls, EmergencyCalls, ClosedCalls)',
			verdict.answer,
		);
	}
	return lists.flatMap(({ kind, list }) =>
		(list as IDataObject[]).map(
			(call) =>
				({
					kind,
					callId: Number(call.callId ?? call.CallId),
					serverId: query.serverId,
					...withCallerName(call),
				}) as ListedCall,
		),
	);
}
