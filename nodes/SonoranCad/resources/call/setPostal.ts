import { SET_CALL_POSTAL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, text } from '../../parameters/validate';
import { callIdProperty, readCallId } from './fields';

export const setPostal = perItemOperation({
	option: {
		name: 'Set Call Postal',
		value: 'setPostal',
		action: 'Set the postal of a call',
		description:
			"Set the postal code of a dispatch or 911 call (such as the postal a game server computed from the caller's position); one call per input item",
	},
	properties: [
		serverIdProperty,
		callIdProperty,
		{
			displayName: 'Postal',
			name: 'postal',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 9001',
			description: 'The postal code, as the map shows it',
		},
	],
	endpoint: SET_CALL_POSTAL_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const callId = readCallId(ctx, itemIndex);
		const postal = parameterReader(ctx, itemIndex)(
			'postal',
			'Postal',
			text,
			'Set "Postal" to the postal code, such as {{ $json.postal }}.',
		);
		return { call: { params: { serverId, callId }, body: { postal } }, echo: { serverId, callId } };
	},
	shape: (answer) => answer,
});
