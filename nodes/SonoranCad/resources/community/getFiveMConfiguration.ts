import { GET_FIVEM_CONFIGURATION_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getFiveMConfiguration = readOperation({
	option: {
		name: 'Get FiveM Configuration',
		value: 'getFiveMConfiguration',
		action: "Get a server's FiveM configuration",
		description:
			"The configuration Sonoran holds for a server's FiveM resource, with its revision; one output item per server (acknowledging a revision stays with the FiveM resource)",
	},
	endpoint: GET_FIVEM_CONFIGURATION_V2,
	what: 'a FiveM configuration',
	perServer: true,
});
