import type { SonoranResource } from '../../kinds/operation';
import { acknowledgeAction } from './acknowledgeAction';
import { deletePanel } from './deletePanel';
import { getActions } from './getActions';
import { getPanel } from './getPanel';
import { listPanels } from './listPanels';
import { setPanel } from './setPanel';
import { setState } from './setState';

export const panel: SonoranResource = {
	option: {
		name: 'Panel',
		value: 'panel',
		description:
			'Integration Panels: buttons, toggles and live state that dispatchers see in the CAD, and their actions (v2 API)',
	},
	operations: [
		setState,
		acknowledgeAction,
		getActions,
		listPanels,
		getPanel,
		setPanel,
		deletePanel,
	],
};
