import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { REMOVE_911_CALL_V2 } from '../../../shared/endpoints';
import { optionsCollection } from '../../../shared/requestPolicy';
import type { SonoranOperation } from '../../shared/operation';
import { requestPerItem } from '../../shared/perItem';
import { readServerId, serverIdProperty } from '../../shared/server';
import { callIdProperty, readCallId } from './fields';

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await requestPerItem(
		this,
		items,
		REMOVE_911_CALL_V2,
		(itemIndex) => {
			const serverId = readServerId(this, itemIndex);
			const callId = readCallId(this, itemIndex);
			return {
				call: { method: 'DELETE', path: `v2/emergency/servers/${serverId}/calls/911/${callId}` },
				echo: { callId, serverId },
			};
		},
		(answer) => ({ removed: true, answer }),
	);
}

export const remove911: SonoranOperation = {
	option: {
		name: 'Remove 911 Call',
		value: 'remove911',
		action: 'Remove a 911 call',
		description:
			'Delete a 911 call from the CAD by its call ID, such as when the game event that raised it is over; one call per input item',
	},
	properties: [serverIdProperty, callIdProperty, optionsCollection()],
	execute,
};
