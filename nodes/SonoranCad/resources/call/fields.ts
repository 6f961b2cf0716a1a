import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	choicesIn,
	optionalText,
	parameterReader,
	stringMap,
	valueChecker,
	wholeNumber,
} from '../../parameters/validate';

/**
 * Sonoran's numbers for a call's origin, as the Create Dispatch Call page lists them. The Get
 * Calls and Update pages list another set (0 RADIO_DISPATCH, 1 SELF_INITIATED); the create page
 * is the one that documents the request this node sends, so its list is offered, and any other
 * number can be passed by expression.
 */
export const ORIGIN_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Caller', value: 0 },
	{ name: 'Radio Dispatch', value: 1 },
	{ name: 'Observed', value: 2 },
	{ name: 'Walk Up', value: 3 },
];

export const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Pending', value: 0 },
	{ name: 'Active', value: 1 },
	{ name: 'Closed', value: 2 },
];

/** Sonoran documents priority as an integer; its CAD shows priorities 1 to 3. */
export const PRIORITY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Priority 1', value: 1 },
	{ name: 'Priority 2', value: 2 },
	{ name: 'Priority 3', value: 3 },
];

export const callIdProperty: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	default: '={{ $json.callId }}',
	required: true,
	description:
		'The call\'s ID in Sonoran CAD, as returned when it was created or listed by "Get Calls"',
};

export function readCallId(ctx: IExecuteFunctions, itemIndex: number): number {
	return parameterReader(ctx, itemIndex)(
		'callId',
		'Call ID',
		wholeNumber,
		'Set "Call ID" to the number Sonoran gave the call (the "callId" of "Create 911 Call", "Create Dispatch Call" or "Get Calls").',
	);
}

/** Metadata as JSON: the call's extra text values, such as x, y, z and postal for the live map. */
export const metaDataField: INodeProperties = {
	displayName: 'Metadata (JSON)',
	name: 'metaData',
	type: 'json',
	default: '{}',
	description:
		'More of the call\'s text values, for example {"x": "425.1", "y": "-979.2", "z": "30.7"} to place it on the live map. Numbers are sent as text.',
};

export function checkMetaData(ctx: IExecuteFunctions, itemIndex: number, value: unknown) {
	return valueChecker(ctx, itemIndex)(
		value,
		'Metadata (JSON)',
		stringMap,
		'Give an object of text values, for example {"x": "425.1", "y": "-979.2", "postal": "9001"}.',
	);
}

/** The dispatch call's optional text fields, shared by Create and Update Dispatch Call. */
const DISPATCH_TEXT: Array<{ name: string; displayName: string; description: string }> = [
	{ name: 'address', displayName: 'Address', description: 'The address of the call' },
	{ name: 'block', displayName: 'Block', description: 'The block or intersection' },
	{ name: 'code', displayName: 'Code', description: 'The call code, such as 211 or 10-70' },
	{ name: 'description', displayName: 'Description', description: 'The full call description' },
	{ name: 'postal', displayName: 'Postal', description: 'The postal code of the call' },
];

export const dispatchTextFields: INodeProperties[] = DISPATCH_TEXT.map((field) => ({
	...field,
	type: 'string',
	default: '',
}));

/** Update Dispatch Call: text fields to blank (an empty value is otherwise left out). */
export const clearFieldsOption: INodeProperties = {
	displayName: 'Fields to Clear',
	name: 'clearFields',
	type: 'multiOptions',
	options: DISPATCH_TEXT.map(({ name, displayName }) => ({ name: displayName, value: name })),
	default: [],
	description: 'Text fields to blank on the call; Sonoran is sent an empty text for each',
};

/** The fields of `clearFields` as empty texts; a field both set and cleared is the item's error. */
export function readClearFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: IDataObject,
	set: IDataObject,
): IDataObject {
	const names = valueChecker(ctx, itemIndex)(
		collection.clearFields,
		'Fields to Clear',
		choicesIn(DISPATCH_TEXT.map((field) => field.name)),
		'Pick the fields to clear from the list.',
	);
	const cleared: IDataObject = {};
	for (const { name, displayName } of DISPATCH_TEXT.filter((field) => names.includes(field.name))) {
		if (set[name] !== undefined) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Item ${itemIndex + 1}: "${displayName}" is both set and in "Fields to Clear"`,
				{ itemIndex, description: `Set "${displayName}" or clear it, not both.` },
			);
		}
		cleared[name] = '';
	}
	return cleared;
}

/** The dispatch text fields set in a collection, checked as text; unset ones are left out. */
export function readDispatchText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: IDataObject,
): IDataObject {
	const check = valueChecker(ctx, itemIndex);
	const fields: IDataObject = {};
	for (const { name, displayName } of DISPATCH_TEXT) {
		const value = check(
			collection[name],
			displayName,
			optionalText,
			`Set "${displayName}" to text, or remove it.`,
		);
		if (value !== undefined) fields[name] = value;
	}
	return fields;
}

/** Origin, status and priority as dropdowns that also take any number by expression. */
export function enumField(
	name: 'origin' | 'status' | 'priority',
	defaultValue: number,
): INodeProperties {
	const { displayName, options, description } = ENUMS[name];
	return { displayName, name, type: 'options', options, default: defaultValue, description };
}

export const ENUMS = {
	origin: {
		displayName: 'Origin',
		options: ORIGIN_OPTIONS,
		description: "How the call came in. Any other of Sonoran's numbers can be given by expression.",
	},
	status: {
		displayName: 'Status',
		options: STATUS_OPTIONS,
		description: "The call's status. Any other of Sonoran's numbers can be given by expression.",
	},
	priority: {
		displayName: 'Priority',
		options: PRIORITY_OPTIONS,
		description: "The call's priority. Any other number can be given by expression.",
	},
};

/** A number from a dropdown or from an expression: Sonoran may have numbers the list lacks. */
export function readEnum(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: keyof typeof ENUMS,
	value: unknown,
): number {
	const { displayName, options } = ENUMS[name];
	return valueChecker(ctx, itemIndex)(
		value,
		displayName,
		wholeNumber,
		`Choose "${displayName}" from the list (${options.map((o) => `${o.value} ${o.name}`).join(', ')}), or give Sonoran's number by expression.`,
	);
}

/** Delete After (Minutes): Sonoran deletes the call that long after creating it. */
export function deleteAfterField(defaultMinutes: number): INodeProperties {
	return {
		displayName: 'Delete After (Minutes)',
		name: 'deleteAfterMinutes',
		type: 'number',
		default: defaultMinutes,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'Have Sonoran delete the call this many minutes after it is created',
	};
}

/** `{deleteAfterMinutes}` when the collection sets it, else nothing. */
export function readDeleteAfter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: IDataObject,
): IDataObject {
	if (collection.deleteAfterMinutes === undefined) return {};
	const minutes = valueChecker(ctx, itemIndex)(
		collection.deleteAfterMinutes,
		'Delete After (Minutes)',
		wholeNumber,
		'Set "Delete After (Minutes)" to a whole number of minutes, or remove it.',
	);
	return { deleteAfterMinutes: minutes };
}

/** A first note on a new call (Additional Fields → Note). */
export const noteField: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	default: '',
	description: 'A first note on the call',
};

/** The new call's notes: the Note given, labelled n8n, or none. */
export function readNotes(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collection: IDataObject,
): IDataObject[] {
	const note = valueChecker(ctx, itemIndex)(
		collection.note,
		'Note',
		optionalText,
		'Set "Note" to text, or remove it.',
	);
	return note ? [{ label: 'n8n', type: 'text', content: note }] : [];
}
