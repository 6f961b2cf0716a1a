import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { UPDATE_IDENTIFIER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifierItem } from './getIdentifiers';
import {
	identIdProperty,
	identifierAccount,
	identifierFieldsProperty,
	readIdentId,
	readIdentifierFields,
} from './identifierFields';

export const updateIdentifier = perItemOperation({
	option: {
		name: 'Update Identifier',
		value: 'updateIdentifier',
		action: "Update a member's identifier",
		description:
			"Change fields of a unit identifier (unit number, rank, department…): only the fields given change. One identifier per input item; a roster sheet's row sent twice leaves the same identifier.",
	},
	properties: [
		...identifierAccount.properties,
		identIdProperty,
		identifierFieldsProperty('The fields to change; fields not given stay as they are'),
	],
	endpoint: UPDATE_IDENTIFIER_V2,
	read: (ctx, itemIndex) => {
		const account = identifierAccount.read(ctx, itemIndex);
		const identId = readIdentId(ctx, itemIndex);
		const fields = readIdentifierFields(ctx, itemIndex);
		if (Object.keys(fields).length === 0) {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: no field to change`, {
				itemIndex,
				description: 'Add at least one field under "Identifier Fields".',
			});
		}
		return { call: { params: { identId }, body: fields }, echo: { ...account }, account };
	},
	shape: (answer) => ({
		...(isObject(answer.identifier)
			? identifierItem(answer.identifier)
			: { identId: answer.identId }),
		serverId: answer.serverId,
	}),
});
