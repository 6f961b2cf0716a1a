import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { accountTarget } from '../../parameters/accountTarget';
import { identifier, routeKey, valueChecker } from '../../parameters/validate';

/** Whose characters: the character pages take these four, in the body or the query. */
export const characterOwner = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid'],
	'whose characters these are',
);

export const syncIdProperty: INodeProperties = {
	displayName: 'Sync ID',
	name: 'syncId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. citizen:1234',
	description:
		"The character's ID in the game server's database (Database Sync), such as citizen:1234",
};

export function readSyncId(ctx: IExecuteFunctions, itemIndex: number): string {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('syncId', itemIndex),
		'Sync ID',
		routeKey,
		"Give the character's Database Sync ID, such as citizen:1234.",
	);
}

export const characterIdProperty: INodeProperties = {
	displayName: 'Character ID',
	name: 'characterId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 2451',
	description:
		"The character's ID, as Get Characters gives it (characterId), or its Database Sync ID",
};

export function readCharacterId(ctx: IExecuteFunctions, itemIndex: number): string {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('characterId', itemIndex),
		'Character ID',
		identifier,
		"Map the character's ID, such as {{ $json.characterId }} from Get Characters.",
	);
}
