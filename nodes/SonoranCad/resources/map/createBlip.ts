import { CREATE_BLIP_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { coordinateProperties, readCoordinates } from '../../parameters/coordinates';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { blipFieldsProperty, readBlipFields } from './blipFields';

export const createBlip = perItemOperation({
	option: {
		name: 'Create Blip',
		value: 'createBlip',
		action: 'Put a blip on the live map',
		description:
			"Put a custom blip on a server's live map (a scene, a perimeter, a roadblock) at the item's position; one blip per input item; returns the blip with its ID",
	},
	properties: [
		serverIdProperty,
		...coordinateProperties(['x', 'y', 'z']),
		blipFieldsProperty('What the blip shows'),
	],
	endpoint: CREATE_BLIP_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const body = {
			coordinates: readCoordinates(ctx, itemIndex, ['x', 'y', 'z']),
			...readBlipFields(ctx, itemIndex),
		};
		return { call: { params: { serverId }, body }, echo: { serverId } };
	},
	shape: (blip) => ({ blipId: blip.id, ...blip }),
});
