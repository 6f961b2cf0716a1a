import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { UNIT_STATUS_OPTIONS } from '../../../client/unitStatus';
import { accountTarget } from '../../parameters/accountTarget';
import { idParameter } from '../../parameters/idParameter';
import {
	choiceIn,
	optionalText,
	valueChecker,
	wholeNumber,
	yesNo,
	type Check,
} from '../../parameters/validate';

/** Whose identifiers: every identifier route takes the account's UUID, found when not given. */
export const identifierAccount = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose identifiers these are',
);

/** The CAD page an identifier opens on, as Sonoran numbers them. */
const PAGE_OPTIONS = [
	{ name: 'Police', value: 0 },
	{ name: 'Fire', value: 1 },
	{ name: 'EMS', value: 2 },
	{ name: 'Dispatch', value: 3 },
	{ name: 'Unknown', value: -1 },
];

const TEXT_FIELDS: Array<[name: string, displayName: string, description: string]> = [
	['unitNum', 'Unit Number', 'The callsign shown in the CAD, such as 1A-01'],
	['name', 'Name', "The unit's display name, such as the officer's name"],
	['department', 'Department', 'The department, such as LSPD'],
	['subdivision', 'Subdivision', 'The subdivision, such as Patrol'],
	['rank', 'Rank', 'The rank, such as Officer'],
	['district', 'District', 'The district, such as Los Santos'],
	['aop', 'Area of Patrol', 'The area of patrol'],
	['group', 'Group', 'A persistent group name, such as CAR-51'],
];

/** An identifier's fields, as Create and Update Identifier take them. */
export function identifierFieldsProperty(description: string): INodeProperties {
	return {
		displayName: 'Identifier Fields',
		name: 'identifierFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			...TEXT_FIELDS.map(
				([name, displayName, fieldDescription]): INodeProperties => ({
					displayName,
					name,
					type: 'string',
					default: '',
					description: fieldDescription,
				}),
			),
			{
				displayName: 'Is Dispatcher',
				name: 'isDispatch',
				type: 'boolean',
				default: false,
				description: 'Whether the identifier is a dispatcher',
			},
			{
				displayName: 'Page',
				name: 'page',
				type: 'options',
				options: PAGE_OPTIONS,
				default: 0,
				description: 'The CAD page the identifier works on',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: UNIT_STATUS_OPTIONS,
				default: 0,
				description: "The identifier's unit status",
			},
		],
	};
}

/** One of `options`' numbers; numeric text (from a webhook) is accepted. */
const oneOfNumbers =
	(options: Array<{ value: number }>): Check<number> =>
	(value, reject) => {
		if (typeof value !== 'number' && typeof value !== 'string') return reject('must be a number');
		const choices = options.map((option) => String(option.value));
		return Number(choiceIn(choices)(String(value).trim(), reject));
	};

/** The fields chosen from Sonoran's numbers. */
const NUMBERED: Array<
	[name: string, label: string, options: Array<{ value: number }>, fix: string]
> = [
	['page', 'Page', PAGE_OPTIONS, 'Pick a page from the list.'],
	[
		'status',
		'Status',
		UNIT_STATUS_OPTIONS,
		'Pick a status (0 Unavailable, 1 Busy, 2 Available, 3 En Route, 4 On Scene, 100 Offline).',
	],
];

/** The item's identifier fields, checked; only those given are sent. */
export function readIdentifierFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const check = valueChecker(ctx, itemIndex);
	const given = ctx.getNodeParameter('identifierFields', itemIndex, {}) as IDataObject;
	const fields: IDataObject = {};
	for (const [name, displayName] of TEXT_FIELDS) {
		const value = check(given[name], displayName, optionalText, `Give "${displayName}" as text.`);
		if (value !== undefined) fields[name] = value;
	}
	if (given.isDispatch !== undefined) {
		fields.isDispatch = check(given.isDispatch, 'Is Dispatcher', yesNo, 'Turn it on or off.');
	}
	for (const [name, label, options, fix] of NUMBERED) {
		if (given[name] !== undefined)
			fields[name] = check(given[name], label, oneOfNumbers(options), fix);
	}
	return fields;
}

const identId = idParameter(
	{
		displayName: 'Identifier ID',
		name: 'identId',
		placeholder: 'e.g. 12',
		description: "The identifier's ID, as Get Identifiers gives it (identId)",
	},
	wholeNumber,
	"Map the identifier's ID, such as {{ $json.identId }} from Get Identifiers.",
);

export const identIdProperty = identId.property;
export const readIdentId = identId.read;
