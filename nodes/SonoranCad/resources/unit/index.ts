import type { SonoranResource } from '../../shared/operation';
import { getActiveUnits } from './getActiveUnits';
import { kick } from './kick';

export const unit: SonoranResource = {
	option: {
		name: 'Unit',
		value: 'unit',
		description: 'Units active in the CAD (police, fire, EMS, dispatch)',
	},
	operations: [kick, getActiveUnits],
};
