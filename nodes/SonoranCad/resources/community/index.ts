import type { SonoranResource } from '../../shared/operation';
import { getPlan } from './getPlan';

export const community: SonoranResource = {
	option: {
		name: 'Community',
		value: 'community',
		description: 'The Sonoran CAD community itself',
	},
	operations: [getPlan],
};
