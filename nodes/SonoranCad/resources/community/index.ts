import type { SonoranResource } from '../../kinds/operation';
import { getPlan } from './getPlan';

export const community: SonoranResource = {
	option: {
		name: 'Community',
		value: 'community',
		description: 'The Sonoran CAD community itself',
	},
	operations: [getPlan],
};
