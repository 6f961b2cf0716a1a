import { REMOVE_911_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { callIdProperty, readCallId } from './fields';

export const remove911 = perItemOperation({
	option: {
		name: 'Remove 911 Call',
		value: 'remove911',
		action: 'Remove a 911 call by call ID',
		description:
			'Delete a 911 call from the CAD by its call ID, such as when the game event that raised it is over; one call per input item',
	},
	properties: [serverIdProperty, callIdProperty],
	endpoint: REMOVE_911_CALL_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const callId = readCallId(ctx, itemIndex);
		return {
			call: { params: { serverId, callId } },
			echo: { callId, serverId },
		};
	},
	shape: (answer) => ({ removed: true, answer }),
});
