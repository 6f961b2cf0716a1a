import { GET_BLIPS_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getBlips = readOperation({
	option: {
		name: 'Get Blips',
		value: 'getBlips',
		action: "List the blips on a server's map",
		description:
			"The custom blips on a server's live map, one output item per blip (ID, position, icon, color, tooltip, menu entries)",
	},
	endpoint: GET_BLIPS_V2,
	what: 'a list of blips',
	perServer: true,
});
