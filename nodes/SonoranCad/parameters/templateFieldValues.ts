import type { IExecuteFunctions, INodeProperties, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stringMap, valueChecker } from './validate';

/**
 * A template's fields as resource-mapper columns (`Fields`): a record template's or a dispatch
 * template's, from `resourceMapperMethod`, reloaded when `dependsOn` changes.
 */
export function templateFieldsProperty(
	resourceMapperMethod: string,
	dependsOn: string,
	description: string,
): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: [`${dependsOn}.value`],
			resourceMapper: {
				resourceMapperMethod,
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		description,
	};
}

/** A record's fields, as the chosen record template's columns. */
export const recordFieldsProperty = templateFieldsProperty(
	'getTemplateFields',
	'templateId',
	"The template's fields to fill in, by their labels in the CAD",
);

/**
 * The item's field values, keyed by the template's field `uid`s: mapped one by one, or taken
 * from the item's own fields of the same names. Empty fields are left to the template.
 */
export function readFieldValues(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const mapping = ctx.getNodeParameter('fields', itemIndex) as ResourceMapperValue;
	const known = new Set(
		(mapping.schema ?? []).filter((field) => !field.removed).map((field) => field.id),
	);
	const source =
		mapping.mappingMode === 'autoMapInputData'
			? Object.fromEntries(
					Object.entries(ctx.getInputData()[itemIndex]?.json ?? {}).filter(([key]) =>
						known.has(key),
					),
				)
			: (mapping.value ?? {});
	const given = Object.fromEntries(
		Object.entries(source).filter(
			([, value]) => value !== undefined && value !== null && value !== '',
		),
	);
	const values = valueChecker(ctx, itemIndex)(
		given,
		'Fields',
		stringMap,
		"Map each template field to text (or a number); a field's value cannot be a list or an object.",
	);
	if (!values) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "Fields" are all empty`, {
			itemIndex,
			description:
				"Map at least one of the template's fields, for example with an expression such as {{ $json.firstName }}.",
		});
	}
	return values;
}
