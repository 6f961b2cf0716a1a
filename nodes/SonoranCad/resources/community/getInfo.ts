import { GET_INFO_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getInfo = readOperation({
	option: {
		name: 'Get Info',
		value: 'getInfo',
		action: "Get the community's information",
		description:
			"The community's UUID, name, time zone and login address, and its shared 10-codes; one output item",
	},
	endpoint: GET_INFO_V2,
	what: 'community information',
});
