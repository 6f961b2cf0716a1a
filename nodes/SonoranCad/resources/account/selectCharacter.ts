import { SELECT_CHARACTER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifier } from '../../parameters/validate';
import { characterIdParameter, characterOwner } from './characterParameters';

const character = characterIdParameter(
	identifier,
	"The character's ID, as Get Characters gives it (characterId), or its Database Sync ID",
);

export const selectCharacter = perItemOperation({
	option: {
		name: 'Select Character',
		value: 'selectCharacter',
		action: "Select a member's active character",
		description:
			"Make one of a player's characters the selected one (by character ID or Database Sync ID), as the game does when they pick a character; one per input item",
	},
	properties: [...characterOwner.properties, character.property],
	endpoint: SELECT_CHARACTER_V2,
	read: (ctx, itemIndex) => {
		const account = characterOwner.read(ctx, itemIndex);
		const characterId = character.read(ctx, itemIndex);
		return { call: { body: { ...account, characterId } }, echo: { ...account } };
	},
	shape: (answer) => ({ ...answer, selected: true }),
});
