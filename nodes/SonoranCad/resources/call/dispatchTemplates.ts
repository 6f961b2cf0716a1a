import type { IExecuteFunctions, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { GET_DISPATCH_TEMPLATE_V2, GET_DISPATCH_TEMPLATES_V2 } from '../../../client/endpoints';
import { editorGet, listMatching } from '../../../editor/editorLookup';
import { numberLocator } from '../../../editor/numberLocator';
import { templateFieldsLoader } from '../../../editor/templateColumns';
import { valueChecker, wholeNumber } from '../../parameters/validate';

/** The dispatch template (a community-defined call layout): picked from the list, or its ID. */
export const dispatchTemplateProperty = numberLocator({
	displayName: 'Dispatch Template',
	name: 'dispatchTemplateId',
	description: "The community's dispatch call layout to fill in",
	listPlaceholder: 'Select a dispatch template...',
	searchListMethod: 'searchDispatchTemplates',
	idPlaceholder: 'e.g. 1',
	idError: "A dispatch template's ID is a whole number",
});

export function readDispatchTemplateId(ctx: IExecuteFunctions, itemIndex: number): number {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('dispatchTemplateId', itemIndex, undefined, { extractValue: true }),
		'Dispatch Template',
		wholeNumber,
		'Pick the dispatch template from the list, or give its ID (Call → Get Dispatch Templates lists them).',
	);
}

/** The community's dispatch templates (`GET /v2/emergency/dispatch-templates`; read once a minute). */
export async function searchDispatchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const json = await editorGet(this, GET_DISPATCH_TEMPLATES_V2);
	const templates = (Array.isArray(json) ? json : []).filter(isObject);
	return listMatching(
		templates.map((template) => ({
			name: `${String(template.name ?? 'Template')}${template.isDefault === true ? ' (default)' : ''}`,
			value: String(template.templateId ?? template.id),
		})),
		filter,
	);
}

/** The chosen dispatch template's fields as columns, keyed by their `uid`s. */
export const getDispatchTemplateFields = templateFieldsLoader({
	parameter: 'dispatchTemplateId',
	endpoint: GET_DISPATCH_TEMPLATE_V2,
	routeParam: 'templateId',
	what: 'dispatch template',
	fix: 'Pick the dispatch template from the list, or give its ID.',
});
