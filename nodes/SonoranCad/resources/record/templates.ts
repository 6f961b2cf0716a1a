import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
} from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { editorGet, listMatching } from '../../../editor/editorLookup';
import { templateFieldsLoader } from '../../../editor/templateColumns';
import { GET_TEMPLATE_V2, GET_TEMPLATES_V2 } from '../../../client/endpoints';
import { numberLocator } from '../../../editor/numberLocator';
import { recordTypeName } from './recordTypes';
import { valueChecker, wholeNumber } from '../../parameters/validate';

/** The record template: picked from the community's templates, or its record type ID. */
export const templateIdProperty = numberLocator({
	displayName: 'Template',
	name: 'templateId',
	description:
		"The community's record template to fill in, such as License, Vehicle Registration, BOLO or Warrant",
	listPlaceholder: 'Select a template...',
	searchListMethod: 'searchRecordTemplates',
	idPlaceholder: 'e.g. 4',
	idError: "A template's record type ID is a whole number",
});

/** The item's template: picked from the list, or its record type ID. */
export function readTemplateId(ctx: IExecuteFunctions, itemIndex: number): number {
	return valueChecker(ctx, itemIndex)(
		ctx.getNodeParameter('templateId', itemIndex, undefined, { extractValue: true }),
		'Template',
		wholeNumber,
		'Pick the record template from the list, or give its record type ID (License is 4, Vehicle Registration 5, BOLO 3, Warrant 2, Character 7).',
	);
}

function asTemplate(value: unknown): IDataObject | undefined {
	return isObject(value) ? value : undefined;
}

/** The community's record templates (`GET /v2/general/templates`, 10 a minute; read once a minute). */
export async function searchRecordTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const json = await editorGet(this, GET_TEMPLATES_V2);
	const templates = (Array.isArray(json) ? json : [])
		.map(asTemplate)
		.filter((template): template is IDataObject => template !== undefined);
	return listMatching(
		templates.map((template) => {
			const kind = recordTypeName(template.type);
			const name = String(template.name ?? 'Template');
			return {
				name: kind && kind !== name ? `${name} (${kind})` : name,
				value: String(template.recordTypeId ?? template.id),
			};
		}),
		filter,
	);
}

/**
 * The chosen template's fields as resource-mapper columns (`GET /v2/general/templates/{id}`):
 * each field's `uid` is the key Sonoran fills in (its `replaceValues`), its label the name shown.
 */
export const getTemplateFields = templateFieldsLoader({
	parameter: 'templateId',
	endpoint: GET_TEMPLATE_V2,
	routeParam: 'recordTypeId',
	what: 'template',
	fix: 'Pick the record template from the list, or give its record type ID.',
});
