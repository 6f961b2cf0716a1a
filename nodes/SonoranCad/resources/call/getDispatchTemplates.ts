import { GET_DISPATCH_TEMPLATES_V2 } from '../../../client/endpoints';
import { readOperation } from '../../kinds/listing';

export const getDispatchTemplates = readOperation({
	option: {
		name: 'Get Dispatch Templates',
		value: 'getDispatchTemplates',
		action: 'List the dispatch templates',
		description:
			"The community's custom dispatch call layouts, one output item per template, with their status options and sections of fields (each field's uid is what Create Custom Dispatch Call fills in)",
	},
	endpoint: GET_DISPATCH_TEMPLATES_V2,
	what: 'a list of dispatch templates',
});
