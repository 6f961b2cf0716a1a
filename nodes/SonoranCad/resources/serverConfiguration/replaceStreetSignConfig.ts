import type { IDataObject } from 'n8n-workflow';

import { SET_STREET_SIGN_CONFIG_V2 } from '../../../client/endpoints';
import { groupedOperation, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import { coordinateProperties, readCoordinates } from '../../parameters/coordinates';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { optionalText, parameterReader, wholeNumber } from '../../parameters/validate';
import { signTextProperties, readSignText } from './signText';

export const replaceStreetSignConfig = groupedOperation<IDataObject>({
	option: {
		name: 'Replace Street Sign Config',
		value: 'replaceStreetSignConfig',
		action: "Replace a server's street signs",
		description: `Set a server's street signs to exactly the input items, one sign per item with its position and text. ${WHOLE_LIST_NOTE} Sonoran allows 2 a minute.`,
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Sign ID',
			name: 'signId',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			required: true,
			description: "The sign's number",
		},
		...coordinateProperties(['x', 'y', 'z']),
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			description: 'What the sign is called in the CAD',
		},
		...signTextProperties,
	],
	endpoint: SET_STREET_SIGN_CONFIG_V2,
	wholeList: 'street signs',
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const serverId = readServerId(ctx, itemIndex);
		const id = read('signId', 'Sign ID', wholeNumber, 'Map "Sign ID" from the item.');
		const label = read('label', 'Label', optionalText, 'Set "Label" to text.') ?? '';
		const entry = {
			id,
			coordinates: readCoordinates(ctx, itemIndex, ['x', 'y', 'z']),
			label,
			...readSignText(ctx, itemIndex),
		};
		return { params: { serverId }, entry };
	},
	body: (signs) => ({ signs }),
	settle: (_answer, entries) => entries.map((entry) => ({ ...entry, signs: entries.length })),
});
