import { SELECT_CHARACTER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { characterIdProperty, characterOwner, readCharacterId } from './characterParameters';

export const selectCharacter = perItemOperation({
	option: {
		name: 'Select Character',
		value: 'selectCharacter',
		action: "Select an account's character",
		description:
			"Make one of a player's characters the selected one (by character ID or Database Sync ID), as the game does when they pick a character; one per input item",
	},
	properties: [...characterOwner.properties, characterIdProperty],
	endpoint: SELECT_CHARACTER_V2,
	read: (ctx, itemIndex) => {
		const account = characterOwner.read(ctx, itemIndex);
		const characterId = readCharacterId(ctx, itemIndex);
		return { call: { body: { ...account, characterId } }, echo: { ...account } };
	},
	shape: (answer) => ({ ...answer, selected: true }),
});
