import {
	GET_CHARACTER_LINKS_V2,
	REMOVE_CHARACTER_LINK_V2,
	SET_CHARACTER_LINK_V2,
} from '../../../client/endpoints';
import { judge, unexpectedAnswer } from '../../../client/answers';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { perItemOperation } from '../../kinds/perItem';
import { optionsCollection } from '../../parameters/requestOptions';
import { characterOwner, readSyncId, syncIdProperty } from './characterParameters';

/** `GET /v2/civilian/character-links`: one output item per Database Sync ID linked to the account. */
export const getCharacterLinks = listingOperation({
	option: {
		name: 'Get Character Links',
		value: 'getCharacterLinks',
		action: "List a member's character links",
		description:
			"The game-database characters (Database Sync IDs) linked to a player's account, one output item per link",
	},
	properties: [...characterOwner.properties, optionsCollection()],
	read: characterOwner.read,
	fetch: async (ctx, connection, target) => {
		const verdict = judge(
			GET_CHARACTER_LINKS_V2,
			await requestV2(ctx, connection, GET_CHARACTER_LINKS_V2, { qs: target }),
		);
		if (!verdict.ok) return verdict.failure;
		if (!Array.isArray(verdict.json)) {
			return unexpectedAnswer(GET_CHARACTER_LINKS_V2, 'a list of sync IDs', verdict.answer);
		}
		return verdict.json.map((syncId) => ({ ...target, syncId: String(syncId) }));
	},
});

/** Add (PUT) or remove (DELETE) one link between a Database Sync character and an account. */
function characterLinkOperation(adds: boolean) {
	const endpoint = adds ? SET_CHARACTER_LINK_V2 : REMOVE_CHARACTER_LINK_V2;
	return perItemOperation({
		option: adds
			? {
					name: 'Set Character Link',
					value: 'setCharacterLink',
					action: 'Link a character to a member',
					description:
						"Link a game-database character (Database Sync ID) to a player's account, as a framework sync does; one link per input item",
				}
			: {
					name: 'Remove Character Link',
					value: 'removeCharacterLink',
					action: 'Unlink a character from a member',
					description:
						"Unlink a game-database character (Database Sync ID) from a player's account; one link per input item",
				},
		properties: [...characterOwner.properties, syncIdProperty],
		endpoint,
		read: (ctx, itemIndex) => {
			const account = characterOwner.read(ctx, itemIndex);
			const syncId = readSyncId(ctx, itemIndex);
			return { call: { params: { syncId }, body: account }, echo: { ...account, syncId } };
		},
		shape: (answer) => ({ ...answer, linked: adds }),
	});
}

export const setCharacterLink = characterLinkOperation(true);
export const removeCharacterLink = characterLinkOperation(false);
