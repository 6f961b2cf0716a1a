import { GET_PAGER_CONFIG_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getPagerConfig = readOperation({
	option: {
		name: 'Get Pager Config',
		value: 'getPagerConfig',
		action: "Get a server's pager configuration",
		description:
			"A server's Inferno pager configuration (nature words, limits, the tree of pager addresses); one output item per server. Sonoran allows 2 a minute.",
	},
	endpoint: GET_PAGER_CONFIG_V2,
	what: 'a pager configuration',
	perServer: true,
});
