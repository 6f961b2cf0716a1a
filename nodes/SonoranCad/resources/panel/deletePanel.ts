import { DELETE_PANEL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { panelKeyProperty, readPanelKey } from './panelParameters';

export const deletePanel = perItemOperation({
	option: {
		name: 'Delete Panel',
		value: 'delete',
		action: 'Delete a panel',
		description:
			'Remove an Integration Panel, its instances and their state from the CAD; one panel per input item',
	},
	properties: [panelKeyProperty()],
	endpoint: DELETE_PANEL_V2,
	read: (ctx, itemIndex) => {
		const panelKey = readPanelKey(ctx, itemIndex);
		return { call: { params: { panelKey } }, echo: { panelKey } };
	},
	shape: () => ({ deleted: true }),
});
