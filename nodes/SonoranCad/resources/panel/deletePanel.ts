import { DELETE_PANEL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { panelKeyProperty, readPanelKey } from './panelParameters';

export const deletePanel = perItemOperation({
	option: {
		name: 'Delete Panel',
		value: 'delete',
		action: 'Disable an integration panel',
		description:
			"Disable an Integration Panel: dispatchers no longer see it. Sonoran keeps its definition and its instances' state (Create or Replace Panel publishes it again). One panel per input item.",
	},
	properties: [panelKeyProperty()],
	endpoint: DELETE_PANEL_V2,
	read: (ctx, itemIndex) => {
		const panelKey = readPanelKey(ctx, itemIndex);
		return { call: { params: { panelKey } }, echo: { panelKey } };
	},
	// `deleted` as before; Sonoran answers {key, enabled: false}: the panel is disabled, not gone.
	shape: () => ({ deleted: true, enabled: false }),
});
