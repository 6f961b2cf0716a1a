import { DELETE_IDENTIFIER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identIdProperty, identifierAccount, readIdentId } from './identifierFields';

export const deleteIdentifier = perItemOperation({
	option: {
		name: 'Delete Identifier',
		value: 'deleteIdentifier',
		action: "Delete a member's identifier",
		description:
			'Remove a unit identifier (callsign) from an account; one identifier per input item',
	},
	properties: [...identifierAccount.properties, identIdProperty],
	endpoint: DELETE_IDENTIFIER_V2,
	read: (ctx, itemIndex) => {
		const account = identifierAccount.read(ctx, itemIndex);
		const identId = readIdentId(ctx, itemIndex);
		return { call: { params: { identId } }, echo: { ...account, identId }, account };
	},
	shape: () => ({ deleted: true }),
});
