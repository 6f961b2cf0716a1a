import { NodeOperationError } from 'n8n-workflow';

import { UPDATE_BLIP_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { blipFieldsProperty, readBlipFields } from './blipFields';
import { blipId } from './blipId';

export const updateBlip = perItemOperation({
	option: {
		name: 'Update Blip',
		value: 'updateBlip',
		action: 'Update a blip on the live map',
		description:
			'Change what a blip shows (tooltip, color, radius, menu entries…): only the fields given change; Menu Entries replaces the whole menu',
	},
	properties: [serverIdProperty, blipId.property, blipFieldsProperty('The fields to change')],
	endpoint: UPDATE_BLIP_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const id = blipId.read(ctx, itemIndex);
		const body = readBlipFields(ctx, itemIndex);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: no field to change`, {
				itemIndex,
				description: 'Add at least one field under "Blip Fields".',
			});
		}
		return { call: { params: { serverId, blipId: id }, body }, echo: { serverId, blipId: id } };
	},
	shape: (answer) => answer,
});
