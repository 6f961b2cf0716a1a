import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { SET_PENAL_CODES_V2 } from '../../../client/endpoints';
import { groupedOperation, replacedCount, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import {
	finiteNumber,
	parameterReader,
	text,
	wholeNumber,
	type Check,
} from '../../parameters/validate';

const FIELDS: Array<INodeProperties & { check: Check<string | number> }> = [
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		placeholder: 'e.g. 22107',
		description: "The code as officers pick it, such as the statute's number",
		check: text,
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Unsafe Lane Change',
		description: 'What the code is called',
		check: text,
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'string',
		default: 'INFRACTION',
		placeholder: 'e.g. INFRACTION, MISDEMEANOR or FELONY',
		description: 'The kind of offence, as the CAD names it',
		check: text,
	},
	{
		displayName: 'Bond Type',
		name: 'bondType',
		type: 'string',
		default: 'NONE',
		placeholder: 'e.g. NONE',
		description: 'The kind of bond, as the CAD names it',
		check: text,
	},
	{
		displayName: 'Bond Amount',
		name: 'bondAmount',
		type: 'number',
		default: 0,
		description: 'The bond, a whole amount',
		check: wholeNumber,
	},
	{
		displayName: 'Jail Time',
		name: 'jailTime',
		type: 'string',
		default: '0',
		description: 'The jail time, as the CAD shows it (text, such as 0 or 30)',
		check: (value, reject) => String(finiteNumber(value, reject)),
	},
];

export const replacePenalCodes = groupedOperation<IDataObject>({
	option: {
		name: 'Replace Penal Codes',
		value: 'replacePenalCodes',
		action: 'Replace all penal codes',
		description: `Set the community's penal codes to exactly the input items, one code per item (such as the rows of a sheet). ${WHOLE_LIST_NOTE} Sonoran allows 4 a minute.`,
	},
	properties: FIELDS.map((field) => {
		const property: INodeProperties = { ...field, required: true };
		delete (property as Partial<typeof field>).check;
		return property;
	}),
	endpoint: SET_PENAL_CODES_V2,
	wholeList: 'penal codes',
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const entry = Object.fromEntries(
			FIELDS.map(({ name, displayName, check }) => [
				name,
				read(
					name,
					displayName,
					check,
					`Map "${displayName}" from the item, such as {{ $json.${name} }}.`,
				),
			]),
		);
		return { params: {}, entry };
	},
	body: (codes) => ({ codes }),
	settle: replacedCount,
});
