import { ATTACH_UNITS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { callIdProperty, readCallId } from './fields';
import { readUnitTargets, unitTargetProperties } from '../../parameters/unitTargets';

export const attachUnits = perItemOperation({
	option: {
		name: 'Attach Units',
		value: 'attachUnits',
		action: 'Attach units to a dispatch call',
		description:
			'Assign units to a dispatch call, named by community user IDs, unit IDs, an account or a unit group; returns the unit IDs attached',
	},
	properties: [serverIdProperty, callIdProperty, ...unitTargetProperties()],
	endpoint: ATTACH_UNITS_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const callId = readCallId(ctx, itemIndex);
		return {
			call: {
				params: { serverId, callId },
				body: readUnitTargets(ctx, itemIndex),
			},
			echo: { callId, serverId },
		};
	},
	shape: (answer) => ({ identIds: answer.identIds, answer }),
});
