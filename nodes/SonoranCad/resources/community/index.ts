import type { SonoranResource } from '../../kinds/operation';
import { getDatabaseSync } from './getDatabaseSync';
import { getFiveMConfiguration } from './getFiveMConfiguration';
import { getInfo } from './getInfo';
import { getPenalCodes } from './getPenalCodes';
import { getPlan } from './getPlan';
import { heartbeat } from './heartbeat';
import { replacePenalCodes } from './replacePenalCodes';
import { replacePostals } from './replacePostals';
import { replaceServers } from './replaceServers';

export const community: SonoranResource = {
	option: {
		name: 'Community',
		value: 'community',
		description: 'The Sonoran CAD community itself: its plan, information and configuration',
	},
	operations: [
		getPlan,
		getInfo,
		getPenalCodes,
		replacePenalCodes,
		replacePostals,
		replaceServers,
		heartbeat,
		getDatabaseSync,
		getFiveMConfiguration,
	],
};
