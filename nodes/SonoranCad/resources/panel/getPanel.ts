import { GET_PANEL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { panelKeyProperty, readPanelKey } from './panelParameters';

export const getPanel = perItemOperation({
	option: {
		name: 'Get Panel',
		value: 'get',
		action: 'Get one integration panel',
		description:
			"One Integration Panel's definition, with each instance's live state and revision; one per input item",
	},
	properties: [panelKeyProperty()],
	endpoint: GET_PANEL_V2,
	read: (ctx, itemIndex) => {
		const panelKey = readPanelKey(ctx, itemIndex);
		return { call: { params: { panelKey } }, echo: { panelKey } };
	},
	shape: (panel) => panel,
});
