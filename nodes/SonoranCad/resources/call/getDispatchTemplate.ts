import { GET_DISPATCH_TEMPLATE_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { dispatchTemplateProperty, readDispatchTemplateId } from './dispatchTemplates';

export const getDispatchTemplate = perItemOperation({
	option: {
		name: 'Get Dispatch Template',
		value: 'getDispatchTemplate',
		action: 'Get one dispatch template',
		description:
			'One dispatch call layout with its status options and fields; one output item per input item',
	},
	properties: [dispatchTemplateProperty],
	endpoint: GET_DISPATCH_TEMPLATE_V2,
	read: (ctx, itemIndex) => {
		const templateId = readDispatchTemplateId(ctx, itemIndex);
		return { call: { params: { templateId } }, echo: {} };
	},
	shape: (template) => template,
});
