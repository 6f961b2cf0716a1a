import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { judge, unexpectedAnswer, type SonoranFailure } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { LOOKUP_BY_VALUE_V2, LOOKUP_NAME_OR_PLATE_V2 } from '../../../client/endpoints';
import { optionsCollection } from '../../parameters/requestOptions';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import {
	choiceIn,
	optionalText,
	parameterReader,
	text,
	valueChecker,
	wholeNumberList,
	yesNo,
} from '../../parameters/validate';
import { RECORD_TYPES } from './recordTypes';

type LookupBy = 'name' | 'plate' | 'value';

interface Lookup {
	by: LookupBy;
	body: IDataObject;
}

/** The `searchType`s of Lookup By Value (v2 names them; v1 numbered them 0–5 in this order). */
const SEARCH_TYPES = [
	{ name: 'Identifier (Unit ID)', value: 'IDENTIFIER' },
	{ name: 'Supervisor Status', value: 'SUPERVISOR_STATUS' },
	{ name: 'Active Status', value: 'ACTIVE_STATUS' },
	{ name: 'Record Number', value: 'NUMBER' },
	{ name: 'Account Secret', value: 'SECRET' },
	{ name: 'Account UUID', value: 'ACCOUNT' },
];

const show = (...by: LookupBy[]) => ({ show: { lookupBy: by } });

function readLookup(ctx: IExecuteFunctions, itemIndex: number): Lookup {
	const read = parameterReader(ctx, itemIndex);
	const by = read(
		'lookupBy',
		'Lookup By',
		choiceIn<LookupBy>(['name', 'plate', 'value']),
		'Pick what to look up by from the list.',
	);
	const chosen = ctx.getNodeParameter('recordTypes', itemIndex, []);
	const types =
		Array.isArray(chosen) && chosen.length === 0
			? []
			: valueChecker(ctx, itemIndex)(
					chosen,
					'Record Types',
					wholeNumberList,
					'Pick record types from the list, or none for all.',
				);
	const filter: IDataObject = types.length ? { types } : {};
	if (by === 'value') {
		return {
			by,
			body: {
				searchType: read('searchType', 'Search Type', text, 'Pick a search type from the list.'),
				value: read('value', 'Value', text, 'Set "Value" to what to search for.'),
				...filter,
			},
		};
	}
	const partial = read('partial', 'Partial Match', yesNo, 'Turn "Partial Match" on or off.');
	if (by === 'plate') {
		const plate = read('plate', 'Plate', text, 'Set "Plate" to the licence plate to look up.');
		return { by, body: { plate, partial, ...filter } };
	}
	const first = read('first', 'First Name', optionalText, 'Set "First Name" to text.');
	const last = read('last', 'Last Name', optionalText, 'Set "Last Name" to text.');
	if (!first && !last) {
		read('first', 'First Name', text, 'Give a first name, a last name or both.');
	}
	const mi = read('mi', 'Middle Initial', optionalText, 'Set "Middle Initial" to text.');
	return {
		by,
		body: { first: first ?? '', last: last ?? '', ...(mi ? { mi } : {}), partial, ...filter },
	};
}

/** A record with its ID on top and its fields as `values` (uid → value), for expressions. */
export function recordItem(record: IDataObject): IDataObject {
	const values: IDataObject = {};
	const sections = Array.isArray(record.sections) ? (record.sections as IDataObject[]) : [];
	for (const section of sections) {
		for (const field of Array.isArray(section.fields) ? (section.fields as IDataObject[]) : []) {
			if (typeof field.uid === 'string' && !(field.uid in values)) values[field.uid] = field.value;
		}
	}
	return { recordId: record.id, ...record, values };
}

async function fetchRecords(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	lookup: Lookup,
): Promise<IDataObject[] | SonoranFailure> {
	const endpoint = lookup.by === 'value' ? LOOKUP_BY_VALUE_V2 : LOOKUP_NAME_OR_PLATE_V2;
	const verdict = judge(
		endpoint,
		await requestV2(ctx, connection, endpoint, { body: lookup.body }),
	);
	if (!verdict.ok) return verdict.failure;
	if (!Array.isArray(verdict.json)) {
		return unexpectedAnswer(endpoint, 'a list of records', verdict.answer);
	}
	return (verdict.json as IDataObject[]).map(recordItem);
}

export const lookup = listingOperation<Lookup>({
	option: {
		name: 'Lookup',
		value: 'lookup',
		action: 'Look up people or vehicles by name or plate',
		description:
			"Search the CAD's records by name, plate or value, as a dispatcher's lookup does, one output item per record found (plan PLUS or higher assumed)",
	},
	simplified: ['recordId', 'name', 'type', 'values'],
	properties: [
		{
			displayName: 'Lookup By',
			name: 'lookupBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Name', value: 'name', description: 'First and last name of a character' },
				{ name: 'Plate', value: 'plate', description: 'A vehicle licence plate' },
				{
					name: 'Value',
					value: 'value',
					description: 'A record number, unit ID, status, account UUID or secret',
				},
			],
			default: 'name',
			description: 'What to search by',
		},
		{
			displayName: 'First Name',
			name: 'first',
			type: 'string',
			default: '',
			displayOptions: show('name'),
			description: 'The first name to look up; give it, the last name, or both',
		},
		{
			displayName: 'Last Name',
			name: 'last',
			type: 'string',
			default: '',
			displayOptions: show('name'),
			description: 'The last name to look up',
		},
		{
			displayName: 'Middle Initial',
			name: 'mi',
			type: 'string',
			default: '',
			displayOptions: show('name'),
			description: 'Optional middle initial',
		},
		{
			displayName: 'Plate',
			name: 'plate',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show('plate'),
			placeholder: 'e.g. ABC123',
			description: 'The licence plate to look up',
		},
		{
			displayName: 'Search Type',
			name: 'searchType',
			type: 'options',
			options: SEARCH_TYPES,
			default: 'NUMBER',
			displayOptions: show('value'),
			description: 'What kind of value to search for',
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			required: true,
			displayOptions: show('value'),
			description: 'The value to search for, of the kind chosen in Search Type',
		},
		{
			displayName: 'Partial Match',
			name: 'partial',
			type: 'boolean',
			default: true,
			displayOptions: show('name', 'plate'),
			description:
				"Whether to also find records whose name or plate only starts with or contains what is given (Sonoran's default); turn off for exact matches only",
		},
		{
			displayName: 'Record Types',
			name: 'recordTypes',
			type: 'multiOptions',
			options: RECORD_TYPES,
			default: [],
			description: 'Only records of these kinds; none chosen finds every kind',
		},
		optionsCollection(),
	],
	read: readLookup,
	fetch: fetchRecords,
});
