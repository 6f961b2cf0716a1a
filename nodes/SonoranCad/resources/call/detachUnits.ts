import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DETACH_UNITS_V2 } from '../../../shared/endpoints';
import { optionsCollection } from '../../../shared/requestPolicy';
import type { SonoranOperation } from '../../shared/operation';
import { requestPerItem } from '../../shared/perItem';
import { readServerId, serverIdProperty } from '../../shared/server';
import { readUnitTargets, unitTargetProperties } from './unitTargets';

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await requestPerItem(
		this,
		items,
		DETACH_UNITS_V2,
		(itemIndex) => {
			const serverId = readServerId(this, itemIndex);
			return {
				call: {
					method: 'DELETE',
					path: `v2/emergency/servers/${serverId}/dispatch-calls/attachments`,
					body: readUnitTargets(this, itemIndex),
				},
				echo: { serverId },
			};
		},
		(answer) => ({ identIds: answer.identIds, answer }),
	);
}

export const detachUnits: SonoranOperation = {
	option: {
		name: 'Detach Units',
		value: 'detachUnits',
		action: 'Detach units from their dispatch call',
		description:
			'Free units from whatever dispatch call they are attached to, named by community user IDs, unit IDs, an account or a unit group; returns the unit IDs detached',
	},
	properties: [serverIdProperty, ...unitTargetProperties, optionsCollection()],
	execute,
};
