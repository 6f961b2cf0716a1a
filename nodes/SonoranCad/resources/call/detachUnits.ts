import { DETACH_UNITS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { readUnitTargets, unitTargetProperties } from '../../parameters/unitTargets';

export const detachUnits = perItemOperation({
	option: {
		name: 'Detach Units',
		value: 'detachUnits',
		action: 'Detach units from their dispatch call',
		description:
			'Free units from whatever dispatch call they are attached to, named by community user IDs, unit IDs, an account or a unit group; returns the unit IDs detached',
	},
	properties: [serverIdProperty, ...unitTargetProperties()],
	endpoint: DETACH_UNITS_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		return {
			call: {
				params: { serverId },
				body: readUnitTargets(ctx, itemIndex),
			},
			echo: { serverId },
		};
	},
	shape: (answer) => ({ identIds: answer.identIds, answer }),
});
