import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isObject } from '../client/answers';
import type { Endpoint } from '../client/endpoints';
import { asWholeNumber } from '../client/wholeNumber';
import { editorGet } from './editorLookup';

/**
 * A field with choices as a dropdown: a select field's own options (the text is what Sonoran
 * takes), or a dispatch template's status field, whose value is a status option's `id`.
 */
function choicesOf(
	field: IDataObject,
	template: IDataObject | undefined,
): Pick<ResourceMapperField, 'type' | 'options'> {
	let options: INodePropertyOptions[] = [];
	if (field.binding === 'status' && Array.isArray(template?.statusOptions)) {
		options = (template.statusOptions as IDataObject[])
			.filter((option) => typeof option.id === 'string')
			.map((option) => ({ name: String(option.label ?? option.id), value: String(option.id) }));
	} else if (Array.isArray(field.options)) {
		options = field.options
			.filter((option): option is string => typeof option === 'string')
			.map((option) => ({ name: option, value: option }));
	}
	return options.length ? { type: 'options', options } : { type: 'string' };
}

/**
 * A template's fields as resource-mapper columns, for record templates and dispatch templates
 * alike (both hold `sections[].fields[]`): each field's `uid` is the key Sonoran fills in, its
 * label the name shown.
 */
export function templateColumns(template: IDataObject | undefined): ResourceMapperField[] {
	const sections = Array.isArray(template?.sections) ? (template.sections as IDataObject[]) : [];
	const fields = sections.flatMap((section) =>
		(Array.isArray(section.fields) ? (section.fields as IDataObject[]) : [])
			.filter((field) => typeof field.uid === 'string' && field.uid !== '')
			// A dispatch template's units field is filled from the units to attach, never from values.
			.filter((field) => field.binding !== 'units')
			.map((field) => ({ section: String(section.label ?? ''), field })),
	);
	const labelCount = new Map<string, number>();
	for (const { field } of fields) {
		const label = String(field.label ?? field.uid);
		labelCount.set(label, (labelCount.get(label) ?? 0) + 1);
	}
	const seen = new Set<string>();
	const columns: ResourceMapperField[] = [];
	for (const { section, field } of fields) {
		const uid = String(field.uid);
		if (seen.has(uid)) continue;
		seen.add(uid);
		const label = String(field.label ?? uid);
		columns.push({
			id: uid,
			// A label that several sections use is told apart by its section.
			displayName: (labelCount.get(label) ?? 0) > 1 && section ? `${label} (${section})` : label,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			...choicesOf(field, template),
		});
	}
	return columns;
}

/**
 * The resource-mapper method of a template picker: the template chosen in `parameter`, read from
 * `endpoint` (its route's `routeParam`), as columns; `fix` says how to choose one.
 */
export function templateFieldsLoader(spec: {
	parameter: string;
	endpoint: Endpoint;
	routeParam: string;
	what: string;
	fix: string;
}) {
	return async function (this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
		const templateId = asWholeNumber(
			this.getNodeParameter(spec.parameter, undefined, { extractValue: true }),
		);
		if (templateId === undefined) {
			throw new NodeOperationError(this.getNode(), `Choose a ${spec.what} first`, {
				description: spec.fix,
			});
		}
		const template = await editorGet(this, spec.endpoint, { [spec.routeParam]: templateId });
		return { fields: templateColumns(isObject(template) ? template : undefined) };
	};
}
