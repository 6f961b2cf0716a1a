import type { IDataObject } from 'n8n-workflow';

import { isObject, judge, unexpectedAnswer } from '../../../client/answers';
import { LIST_PANELS_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { optionsCollection } from '../../parameters/requestOptions';
import { readLimit, returnAllProperties } from '../../parameters/returnAll';

export const listPanels = listingOperation<{ limit?: number }>({
	option: {
		name: 'List Panels',
		value: 'list',
		action: 'List the integration panels',
		description:
			"The community's Integration Panels (at most 50), one output item per panel with its definition and each instance's state and revision",
	},
	simplified: ['panelKey', 'name', 'enabled', 'description'],
	properties: [...returnAllProperties, optionsCollection()],
	read: (ctx, itemIndex) => ({ limit: readLimit(ctx, itemIndex, 'panels') }),
	fetch: async (ctx, connection, { limit }) => {
		const verdict = judge(LIST_PANELS_V2, await requestV2(ctx, connection, LIST_PANELS_V2, {}));
		if (!verdict.ok) return verdict.failure;
		if (!Array.isArray(verdict.json)) {
			return unexpectedAnswer(LIST_PANELS_V2, 'a list of panels', verdict.answer);
		}
		const panels = verdict.json.filter(isObject) as IDataObject[];
		return panels
			.slice(0, limit ?? panels.length)
			.map((panel) => ({ panelKey: panel.key, ...panel }));
	},
});
