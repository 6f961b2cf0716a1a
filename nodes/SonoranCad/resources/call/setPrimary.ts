import { SET_CALL_PRIMARY_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, wholeNumber, yesNo } from '../../parameters/validate';
import { callIdProperty, readCallId } from './fields';

export const setPrimary = perItemOperation({
	option: {
		name: 'Set Call Primary Unit',
		value: 'setPrimary',
		action: 'Set the primary unit of a call',
		description:
			'Make one attached unit the primary unit of a dispatch call, by its unit (identifier) ID; one call per input item',
	},
	properties: [
		serverIdProperty,
		callIdProperty,
		{
			displayName: 'Unit ID',
			name: 'identId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 15',
			description: 'The unit (identifier) ID, as Get Active Units and trigger events give it',
		},
		{
			displayName: 'Track Primary',
			name: 'trackPrimary',
			type: 'boolean',
			default: true,
			description: "Whether the call follows the primary unit's location on the map",
		},
	],
	endpoint: SET_CALL_PRIMARY_V2,
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const serverId = readServerId(ctx, itemIndex);
		const callId = readCallId(ctx, itemIndex);
		const identId = read('identId', 'Unit ID', wholeNumber, 'Map "Unit ID" from the item.');
		const trackPrimary = read(
			'trackPrimary',
			'Track Primary',
			yesNo,
			'Turn "Track Primary" on or off.',
		);
		return {
			call: { params: { serverId, callId }, body: { identId, trackPrimary } },
			echo: { serverId, callId },
		};
	},
	shape: (answer) => answer,
});
