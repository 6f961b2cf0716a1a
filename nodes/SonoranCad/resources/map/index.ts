import type { SonoranResource } from '../../kinds/operation';
import { createBlip } from './createBlip';
import { deleteBlips } from './deleteBlips';
import { getBlips } from './getBlips';
import { updateBlip } from './updateBlip';
import { updateUnitLocations } from './updateUnitLocations';

export const map: SonoranResource = {
	option: {
		name: 'Map',
		value: 'map',
		description: "A server's live map: custom blips and unit locations",
	},
	operations: [createBlip, updateBlip, deleteBlips, getBlips, updateUnitLocations],
};
