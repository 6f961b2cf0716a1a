import type { IDataObject } from 'n8n-workflow';

import { SET_CALLOUTS_V2 } from '../../../client/endpoints';
import { groupedOperation, WHOLE_LIST_NOTE } from '../../kinds/grouped';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { identifier, jsonObject, parameterReader } from '../../parameters/validate';

const EXAMPLE = JSON.stringify(
	{
		CalloutName: 'Armed Suspect',
		CalloutDescriptions: ['Reports of an armed suspect.'],
		Enabled: true,
	},
	null,
	2,
);

export const replaceCallouts = groupedOperation<IDataObject>({
	option: {
		name: 'Replace Callouts',
		value: 'replaceCallouts',
		action: "Replace a server's ERS callouts",
		description: `Set a server's ERS callouts to exactly the input items, one callout per item. ${WHOLE_LIST_NOTE} Sonoran allows 2 a minute.`,
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Callout ID',
			name: 'calloutId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. armed_suspect',
			description: "The callout's ID in ERS",
		},
		{
			displayName: 'Callout (JSON)',
			name: 'calloutData',
			type: 'json',
			default: EXAMPLE,
			required: true,
			description:
				"The callout's data as ERS defines it (CalloutName, CalloutDescriptions, Enabled, Ped… settings, CalloutUnitsRequired)",
		},
	],
	endpoint: SET_CALLOUTS_V2,
	wholeList: 'callouts',
	read: (ctx, itemIndex) => {
		const read = parameterReader(ctx, itemIndex);
		const serverId = readServerId(ctx, itemIndex);
		const id = read('calloutId', 'Callout ID', identifier, 'Map "Callout ID" from the item.');
		const data = read(
			'calloutData',
			'Callout (JSON)',
			jsonObject(64 * 1024),
			"Give the callout's data as a JSON object.",
		);
		return { params: { serverId }, entry: { id, data } };
	},
	body: (callouts) => ({ callouts }),
	settle: (answer, entries) =>
		entries.map((entry) => ({ id: entry.id, callouts: answer.callouts ?? entries.length })),
});
