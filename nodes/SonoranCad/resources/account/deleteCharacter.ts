import { DELETE_CHARACTER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { wholeNumber } from '../../parameters/validate';
import { characterIdParameter } from './characterParameters';

const character = characterIdParameter(
	wholeNumber,
	"The character's ID, as Get Characters gives it (characterId)",
);

export const deleteCharacter = perItemOperation({
	option: {
		name: 'Delete Character',
		value: 'deleteCharacter',
		action: 'Delete a character',
		description:
			'Remove a civilian character by its ID (Get Characters gives it); one per input item',
	},
	properties: [character.property],
	endpoint: DELETE_CHARACTER_V2,
	read: (ctx, itemIndex) => {
		const characterId = character.read(ctx, itemIndex);
		return { call: { params: { characterId } }, echo: { characterId } };
	},
	shape: () => ({ deleted: true }),
});
