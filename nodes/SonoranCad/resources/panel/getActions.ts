import type { IDataObject } from 'n8n-workflow';

import { isObject, judge, unexpectedAnswer } from '../../../client/answers';
import { GET_PANEL_ACTIONS_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { optionsCollection } from '../../parameters/requestOptions';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, upTo, wholeNumber } from '../../parameters/validate';
import { panelEventFields } from '../../../client/panelActions';
import { panelKeyProperty, readPanelKey } from './panelParameters';

interface ActionQuery {
	serverId: number;
	panelKey: string;
	after: number;
	limit: number;
}

export const getActions = listingOperation<ActionQuery>({
	option: {
		name: 'Get Actions',
		value: 'getActions',
		action: 'List pending panel actions',
		description:
			"Poll a panel's pending actions after a cursor, one output item per action (Sonoran allows 3 polls a minute per API key, across all panels; the Sonoran CAD Trigger's Panel Action event gets them at once instead)",
	},
	simplified: [
		'eventId',
		'panelKey',
		'serverId',
		'instanceKey',
		'actionId',
		'values',
		'actorName',
		'expiresAt',
	],
	properties: [
		serverIdProperty,
		panelKeyProperty(),
		{
			displayName: 'After Cursor',
			name: 'after',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description:
				"Only actions after this cursor: the last action's cursor from the previous poll; 0 for every pending action",
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
			description: 'Max number of results to return',
		},
		optionsCollection(),
	],
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		return {
			serverId: readServerId(ctx, itemIndex),
			panelKey: readPanelKey(ctx, itemIndex),
			after: read(
				'after',
				'After Cursor',
				wholeNumber,
				'Set "After Cursor" to the last cursor seen, or 0.',
			),
			limit: read('limit', 'Limit', upTo(100), 'Set "Limit" to a number from 1 to 100.'),
		};
	},
	fetch: async (ctx, connection, { serverId, panelKey, after, limit }) => {
		const verdict = judge(
			GET_PANEL_ACTIONS_V2,
			await requestV2(ctx, connection, GET_PANEL_ACTIONS_V2, {
				params: { serverId, panelKey },
				qs: { after, limit },
			}),
		);
		if (!verdict.ok) return verdict.failure;
		const events = isObject(verdict.json) ? verdict.json.events : undefined;
		if (!Array.isArray(events)) {
			return unexpectedAnswer(GET_PANEL_ACTIONS_V2, 'a list of actions', verdict.answer);
		}
		const nextCursor = isObject(verdict.json) ? verdict.json.nextCursor : undefined;
		return (events.filter(isObject) as IDataObject[]).map((event) => ({
			...panelEventFields(event),
			nextCursor,
		}));
	},
});
