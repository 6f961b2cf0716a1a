import type { IDataObject } from 'n8n-workflow';

import { isObject, judge, leftOut } from '../../../client/answers';
import { KICK_UNIT_V2 } from '../../../client/endpoints';
import type { Outcomes } from '../../kinds/isolate';
import { deliverShared } from '../../kinds/sharing';
import { requestV2 } from '../../../client/transport';
import { targetFields, type KickDelivery, type KickTarget } from './kickTarget';

interface KickedEntry {
	identId?: unknown;
	communityUserId?: unknown;
	reason?: unknown;
}

function requestEntry(target: KickTarget): IDataObject {
	return { [target.field]: target.identity, reason: target.reason };
}

/**
 * Kicks through v2 (`POST /v2/emergency/servers/{serverId}/units/kick`, Bearer key), grouped by
 * server since the server is in the path. By community user ID, many per request: Sonoran
 * answers `{count, kicked: [{identId, communityUserId, reason}]}`, which names each kicked unit.
 * By Discord or Roblox ID, one per request: the answer does not repeat those IDs, so a batch
 * that kicked only some of its units could not say which.
 */
export const kickByIdentity: KickDelivery = async (
	ctx,
	connection,
	results,
	targets,
	{ batchSize, share },
) => {
	const byServer = new Map<number, KickTarget[]>();
	for (const target of targets) {
		byServer.set(target.serverId, [...(byServer.get(target.serverId) ?? []), target]);
	}
	for (const [serverId, serverTargets] of byServer) {
		// By community user ID, many per request (the answer names each); else one object each.
		const many = serverTargets[0].field === 'communityUserId' && batchSize > 1;
		const batching = {
			batchSize: many ? batchSize : 1,
			share: share && many,
			batchKey: `v2 kick ${serverId}`,
		};
		await deliverShared(ctx, connection, results, serverTargets, batching, {
			send: async (_batch, leaving) =>
				await requestV2(ctx, connection, KICK_UNIT_V2, {
					params: { serverId },
					body: () => {
						const batch = leaving.items();
						return many ? batch.map(requestEntry) : requestEntry(batch[0]);
					},
					hooks: leaving,
				}),
			judge: (delivery) => judge(KICK_UNIT_V2, delivery),
			accept: (batch, verdict, outcomes, sentUnclear) => {
				// One target per request: Sonoran answers one `{identId, reason}`, which is its answer.
				const entryOf = many
					? byCommunityUser(kickedEntries(verdict.json))
					: () => (isObject(verdict.json) ? (verdict.json as KickedEntry) : undefined);
				settleBatch(outcomes, batch, entryOf, sentUnclear);
			},
		});
	}
};

function kickedEntries(json: unknown): KickedEntry[] {
	const kicked = (json as { kicked?: unknown } | undefined)?.kicked;
	return Array.isArray(kicked) ? (kicked as KickedEntry[]).filter(isObject) : [];
}

/** Sonoran's `kicked` list names each unit by its community user ID. */
function byCommunityUser(kicked: KickedEntry[]) {
	const byUser = new Map(kicked.map((entry) => [String(entry.communityUserId ?? ''), entry]));
	return (target: KickTarget) => byUser.get(String(target.identity));
}

/** Each target that Sonoran's answer names succeeded; the others were not kicked by this request. */
function settleBatch(
	outcomes: Outcomes,
	batch: KickTarget[],
	entryOf: (target: KickTarget) => KickedEntry | undefined,
	sentUnclear: (target: KickTarget) => boolean,
) {
	for (const target of batch) {
		const entry = entryOf(target);
		if (entry) {
			outcomes.succeed(target.itemIndex, {
				...targetFields(target),
				kicked: true,
				identId: entry.identId as IDataObject[string],
				answer: entry as IDataObject,
			});
			continue;
		}
		const who = target.field === 'communityUserId' ? 'community user ID' : 'identity';
		outcomes.failWith(
			target.itemIndex,
			sentUnclear(target)
				? leftOut(
						`Sonoran CAD did not kick the unit of ${who} ${target.identity} when asked again; an earlier attempt may have kicked it`,
						`An earlier attempt got no clear answer (a timeout, a lost connection or a server error) and may have kicked this unit, which would then no longer be logged in on server ${target.serverId}. Check the server's units in Sonoran CAD.`,
					)
				: leftOut(
						`Sonoran CAD did not kick the unit of ${who} ${target.identity}`,
						`Sonoran did not name this unit among those it kicked: no unit logged in on server ${target.serverId} is linked to this ${who}.`,
					),
		);
	}
}
