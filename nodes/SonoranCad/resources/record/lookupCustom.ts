import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../../client/answers';
import { LOOKUP_CUSTOM_V2 } from '../../../client/endpoints';
import { fetchThings, listingOperation } from '../../kinds/listing';
import { optionsCollection } from '../../parameters/requestOptions';
import { parameterReader, text, wholeNumberList, yesNo } from '../../parameters/validate';
import { recordItem } from './lookup';

export const lookupCustom = listingOperation<IDataObject>({
	option: {
		name: 'Lookup by Custom Field',
		value: 'lookupCustom',
		action: 'Look up records by a custom field',
		description:
			"Search the CAD's records by one of the community's custom lookup mappings (a driver's license number, a VIN…), one output item per record found",
	},
	properties: [
		{
			displayName: 'Mapping',
			name: 'map',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. drivers_license',
			description: "The custom lookup mapping's name, as configured in the community's CAD",
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. D1234567',
			description: 'What to search for',
		},
		{
			displayName: 'Record Types',
			name: 'types',
			type: 'string',
			default: '',
			placeholder: 'e.g. 7',
			description:
				'Record type IDs to search, separated by commas (Character is 7, License 4, Vehicle Registration 5); empty searches all',
		},
		{
			displayName: 'Partial Match',
			name: 'partial',
			type: 'boolean',
			default: false,
			description: 'Whether a record whose field only contains the value matches too',
		},
		optionsCollection(),
	],
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const types = ctx.getNodeParameter('types', itemIndex, '');
		return {
			map: read('map', 'Mapping', text, 'Set "Mapping" to the custom lookup mapping\'s name.'),
			value: read('value', 'Value', text, 'Set "Value" to what to search for.'),
			...(types === '' || (Array.isArray(types) && types.length === 0)
				? {}
				: {
						types: read(
							'types',
							'Record Types',
							wholeNumberList,
							'Give record type IDs separated by commas, such as 7, or leave it empty.',
						),
					}),
			partial: read('partial', 'Partial Match', yesNo, 'Turn "Partial Match" on or off.'),
		};
	},
	fetch: async (ctx, connection, body) => {
		const records = await fetchThings(
			ctx,
			connection,
			LOOKUP_CUSTOM_V2,
			{ body },
			'a list of records',
			(json) => (Array.isArray(json) ? json.filter(isObject) : undefined),
		);
		return Array.isArray(records) ? records.map(recordItem) : records;
	},
});
