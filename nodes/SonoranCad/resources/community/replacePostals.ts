import type { IDataObject } from 'n8n-workflow';

import { SET_POSTALS_V2 } from '../../../client/endpoints';
import { groupedOperation, replacedCount, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import { coordinateProperties, readCoordinates } from '../../parameters/coordinates';
import { parameterReader, text } from '../../parameters/validate';

export const replacePostals = groupedOperation<IDataObject>({
	option: {
		name: 'Replace Postals',
		value: 'replacePostals',
		action: 'Replace all postal codes',
		description: `Set the community's postal codes (the map's postal grid) to exactly the input items, one postal per item with its map position. ${WHOLE_LIST_NOTE} Sonoran allows 10 a minute.`,
	},
	properties: [
		{
			displayName: 'Postal',
			name: 'postal',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 100',
			description: 'The postal code as the map shows it',
		},
		...coordinateProperties(['x', 'y']),
	],
	endpoint: SET_POSTALS_V2,
	wholeList: 'postals',
	read: (ctx, itemIndex) => {
		const code = parameterReader(ctx, itemIndex)(
			'postal',
			'Postal',
			text,
			'Map "Postal" from the item, such as {{ $json.code }}.',
		);
		const { x, y } = readCoordinates(ctx, itemIndex, ['x', 'y']);
		return { params: {}, entry: { code, x, y } };
	},
	body: (postals) => ({ postals }),
	settle: replacedCount,
});
