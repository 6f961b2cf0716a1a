import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ATTACH_UNITS_V2 } from '../../../shared/endpoints';
import { optionsCollection } from '../../../shared/requestPolicy';
import type { SonoranOperation } from '../../shared/operation';
import { requestPerItem } from '../../shared/perItem';
import { readServerId, serverIdProperty } from '../../shared/server';
import { callIdProperty, readCallId } from './fields';
import { readUnitTargets, unitTargetProperties } from './unitTargets';

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await requestPerItem(
		this,
		items,
		ATTACH_UNITS_V2,
		(itemIndex) => {
			const serverId = readServerId(this, itemIndex);
			const callId = readCallId(this, itemIndex);
			return {
				call: {
					method: 'POST',
					path: `v2/emergency/servers/${serverId}/dispatch-calls/${callId}/attachments`,
					body: readUnitTargets(this, itemIndex),
				},
				echo: { callId, serverId },
			};
		},
		(answer) => ({ identIds: answer.identIds, answer }),
	);
}

export const attachUnits: SonoranOperation = {
	option: {
		name: 'Attach Units',
		value: 'attachUnits',
		action: 'Attach units to a dispatch call',
		description:
			'Assign units to a dispatch call, named by community user IDs, unit IDs, an account or a unit group; returns the unit IDs attached',
	},
	properties: [serverIdProperty, callIdProperty, ...unitTargetProperties, optionsCollection()],
	execute,
};
