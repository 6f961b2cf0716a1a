import type { IDataObject, IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREATE_RECORD_V2 } from '../../../client/endpoints';
import { accountTargetProperties, readAccountTarget } from '../../parameters/accountTarget';
import { perItemOperation } from '../../kinds/perItem';
import { stringMap, valueChecker, wholeNumber } from '../../parameters/validate';
import { templateIdProperty } from './templates';

/**
 * The item's field values, keyed by the template's field `uid`s: mapped one by one, or taken
 * from the item's own fields of the same names. Empty fields are left to the template.
 */
function readFieldValues(ctx: IExecuteFunctions, itemIndex: number): Record<string, string> {
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

export const create = perItemOperation({
	option: {
		name: 'Create Record',
		value: 'create',
		action: 'Create a record',
		description:
			"Create a record from one of the community's templates (license, vehicle registration, BOLO, warrant, character…) for a player's account, its fields mapped from the input item; one record per input item (plan PLUS or higher assumed)",
	},
	properties: [
		templateIdProperty,
		...accountTargetProperties(
			['communityUserId', 'discord', 'roblox', 'accountUuid'],
			'the record is for',
		),
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			typeOptions: {
				loadOptionsDependsOn: ['templateId.value'],
				resourceMapper: {
					resourceMapperMethod: 'getTemplateFields',
					mode: 'add',
					fieldWords: { singular: 'field', plural: 'fields' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: true,
				},
			},
			description: "The template's fields to fill in, by their labels in the CAD",
		},
	],
	endpoint: CREATE_RECORD_V2,
	read: (ctx, itemIndex) => {
		const recordTypeId = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('templateId', itemIndex, undefined, { extractValue: true }),
			'Template',
			wholeNumber,
			'Pick the record template from the list, or give its record type ID (License is 4, Vehicle Registration 5, BOLO 3, Warrant 2, Character 7).',
		);
		const target = readAccountTarget(ctx, itemIndex);
		const replaceValues = readFieldValues(ctx, itemIndex);
		const body: IDataObject = { ...target, useDictionary: true, recordTypeId, replaceValues };
		return { call: { body }, echo: {} };
	},
	shape: (record) => ({ recordId: record.id, ...record }),
});
