import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SonoranConnection } from '../../../client/connection';
import type { ItemResults } from '../../kinds/results';
import type { Batching } from '../../parameters/batchSize';

/** How a kick names its unit: v1 by API ID, v2 by the other identities. */
export type IdentityField = 'apiId' | 'communityUserId' | 'discord' | 'roblox';

/** One input item's kick, checked. */
export interface KickTarget {
	itemIndex: number;
	field: IdentityField;
	/** Text, except a Roblox user ID, which Sonoran takes as a number. */
	identity: string | number;
	reason: string;
	serverId: number;
}

/** What a kick's output item and request entry say about the unit. */
export function targetFields(target: KickTarget): IDataObject {
	return { [target.field]: target.identity, reason: target.reason, serverId: target.serverId };
}

/** Sends an execution's checked kicks in batches and records each item's outcome. */
export type KickDelivery = (
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	results: ItemResults,
	targets: KickTarget[],
	batching: Batching,
) => Promise<void>;
