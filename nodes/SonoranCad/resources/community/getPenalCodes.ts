import { isObject } from '../../../client/answers';
import { GET_PENAL_CODES_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getPenalCodes = readOperation({
	option: {
		name: 'Get Penal Codes',
		value: 'getPenalCodes',
		action: 'List the penal codes',
		description:
			"The community's penal codes, one output item per code (code, title, type, bond, jail time); Sonoran allows 4 reads a minute",
	},
	endpoint: GET_PENAL_CODES_V2,
	what: 'a list of penal codes',
	pick: (json) => (Array.isArray(json) ? json.filter(isObject) : undefined),
});
