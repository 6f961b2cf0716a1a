import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	finiteNumber,
	jsonList,
	optionalText,
	valueChecker,
	type Check,
} from '../../parameters/validate';

/** What a blip shows, beyond its position: Sonoran's editable fields. */
const BLIP_FIELDS: Array<INodeProperties & { check: Check<unknown>; fix: string }> = [
	{
		displayName: 'Color',
		name: 'color',
		type: 'color',
		default: '#ff0000',
		description: 'A color name or hex code',
		check: optionalText,
		fix: 'Set "Color" to a color name or a hex code such as #ff0000.',
	},
	{
		displayName: 'Icon',
		name: 'icon',
		type: 'string',
		default: '',
		placeholder: 'e.g. fa-solid fa-location-crosshairs',
		description: 'A Font Awesome icon class',
		check: optionalText,
		fix: 'Set "Icon" to a Font Awesome class.',
	},
	{
		displayName: 'Menu Entries (JSON)',
		name: 'data',
		type: 'json',
		default: '[]',
		description:
			'The lines of the blip\'s menu, such as [{"title": "Units", "text": "2"}]; an entry with panelKey and instanceKey shows an integration panel',
		check: jsonList(32 * 1024),
		fix: 'Give a JSON list of {"title", "text"} objects.',
	},
	{
		displayName: 'Radius',
		name: 'radius',
		type: 'number',
		default: 0,
		description: 'A circle around the blip, in map units; 0 for none',
		check: finiteNumber,
		fix: 'Set "Radius" to a number.',
	},
	{
		displayName: 'Subtype',
		name: 'subType',
		type: 'string',
		default: '',
		placeholder: 'e.g. scene',
		description: 'What kind of blip it is, such as scene, radius or call',
		check: optionalText,
		fix: 'Set "Subtype" to text.',
	},
	{
		displayName: 'Tooltip',
		name: 'tooltip',
		type: 'string',
		default: '',
		placeholder: 'e.g. Scene perimeter',
		description: 'The text shown over the blip',
		check: optionalText,
		fix: 'Set "Tooltip" to text.',
	},
];

/** The blip fields as a collection (Blip Fields), each one optional. */
export function blipFieldsProperty(description: string): INodeProperties {
	return {
		displayName: 'Blip Fields',
		name: 'blipFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: BLIP_FIELDS.map((field) => {
			const property: INodeProperties & { check?: unknown; fix?: unknown } = { ...field };
			delete property.check;
			delete property.fix;
			return property;
		}),
	};
}

/** The item's blip fields, each checked; fields not given are left out. */
export function readBlipFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = ctx.getNodeParameter('blipFields', itemIndex, {}) as IDataObject;
	const check = valueChecker(ctx, itemIndex);
	const fields: IDataObject = {};
	for (const { name, displayName, check: checkField, fix } of BLIP_FIELDS) {
		if (!Object.prototype.hasOwnProperty.call(given, name)) continue;
		const value = check(given[name], displayName, checkField, fix);
		if (value !== undefined) fields[name] = value as IDataObject[string];
	}
	return fields;
}
