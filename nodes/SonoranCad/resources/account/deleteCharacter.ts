import { DELETE_CHARACTER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { valueChecker, wholeNumber } from '../../parameters/validate';
import { characterIdProperty } from './characterParameters';

export const deleteCharacter = perItemOperation({
	option: {
		name: 'Delete Character',
		value: 'deleteCharacter',
		action: 'Delete a character',
		description:
			'Remove a civilian character by its ID (Get Characters gives it); one per input item',
	},
	properties: [
		{
			...characterIdProperty,
			description: "The character's ID, as Get Characters gives it (characterId)",
		},
	],
	endpoint: DELETE_CHARACTER_V2,
	read: (ctx, itemIndex) => {
		const characterId = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('characterId', itemIndex),
			'Character ID',
			wholeNumber,
			"Map the character's ID, such as {{ $json.characterId }} from Get Characters.",
		);
		return { call: { params: { characterId } }, echo: { characterId } };
	},
	shape: () => ({ deleted: true }),
});
