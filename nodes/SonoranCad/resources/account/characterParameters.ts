import { accountTarget } from '../../parameters/accountTarget';
import { idParameter } from '../../parameters/idParameter';
import { routeKey, type Check } from '../../parameters/validate';

/** Whose characters: the character pages take these four, in the body or the query. */
export const characterOwner = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid'],
	'whose characters these are',
);

const syncId = idParameter(
	{
		displayName: 'Sync ID',
		name: 'syncId',
		placeholder: 'e.g. citizen:1234',
		description:
			"The character's ID in the game server's database (Database Sync), such as citizen:1234",
	},
	routeKey,
	"Give the character's Database Sync ID, such as citizen:1234.",
);

export const syncIdProperty = syncId.property;
export const readSyncId = syncId.read;

/** A character by its ID, or (Select Character) its Database Sync ID. */
export function characterIdParameter<T>(check: Check<T>, description: string) {
	return idParameter(
		{ displayName: 'Character ID', name: 'characterId', placeholder: 'e.g. 2451', description },
		check,
		"Map the character's ID, such as {{ $json.characterId }} from Get Characters.",
	);
}
