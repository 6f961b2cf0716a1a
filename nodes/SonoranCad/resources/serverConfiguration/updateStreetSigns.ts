import { UPDATE_STREET_SIGNS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, wholeNumberList } from '../../parameters/validate';
import { readSignText, signTextProperties } from './signText';

export const updateStreetSigns = perItemOperation({
	option: {
		name: 'Update Street Signs',
		value: 'updateStreetSigns',
		action: 'Change the text of street signs',
		description:
			'Change the text of one or more street signs on a server (a road closure, a detour); one request per input item',
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Sign IDs',
			name: 'signIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1, 2',
			description:
				"The signs' numbers from the server's street sign configuration, separated by commas",
		},
		...signTextProperties,
	],
	endpoint: UPDATE_STREET_SIGNS_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const ids = parameterReader(ctx, itemIndex)(
			'signIds',
			'Sign IDs',
			wholeNumberList,
			'Give the sign numbers separated by commas, such as 1, 2.',
		);
		return {
			call: { params: { serverId }, body: { ids, ...readSignText(ctx, itemIndex) } },
			echo: { serverId },
		};
	},
	shape: (answer) => answer,
});
