import type { SonoranResource } from '../../kinds/operation';
import { getAccountUnits } from './getAccountUnits';
import { getActiveUnits } from './getActiveUnits';
import { kick } from './kick';
import { setPanic } from './setPanic';
import { setStatus } from './setStatus';

export const unit: SonoranResource = {
	option: {
		name: 'Unit',
		value: 'unit',
		description: 'Units active in the CAD (police, fire, EMS, dispatch)',
	},
	operations: [kick, getActiveUnits, getAccountUnits, setStatus, setPanic],
};
