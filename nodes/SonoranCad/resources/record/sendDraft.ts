import type { IDataObject } from 'n8n-workflow';

import { SEND_RECORD_DRAFT_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';
import { readFieldValues, recordFieldsProperty } from '../../parameters/templateFieldValues';
import { parameterReader, yesNo } from '../../parameters/validate';
import { readTemplateId, templateIdProperty } from './templates';

const SHOWN_TO_PLAYER = { show: { sendToPlayer: [true] } };

const recipient = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid'],
	'the draft opens for',
);

export const sendDraft = perItemOperation({
	option: {
		name: 'Send Record Draft',
		value: 'sendDraft',
		action: 'Send a prefilled record draft',
		description:
			"Build a record from a template with fields filled in from the item (a report from a form), and open it as a draft in a player's CAD to finish and file; without a player, it returns the draft only. Sent twice, it opens twice: never sent again after an unclear answer.",
	},
	properties: [
		templateIdProperty,
		recordFieldsProperty,
		{
			displayName: 'Send to a Player',
			name: 'sendToPlayer',
			type: 'boolean',
			default: true,
			description: "Whether to open the draft in a player's CAD (they must be signed in)",
		},
		...recipient.properties.map((property) => ({ ...property, displayOptions: SHOWN_TO_PLAYER })),
	],
	endpoint: SEND_RECORD_DRAFT_V2,
	read: (ctx, itemIndex) => {
		const recordTypeId = readTemplateId(ctx, itemIndex);
		const replaceValues = readFieldValues(ctx, itemIndex);
		const toPlayer = parameterReader(ctx, itemIndex)(
			'sendToPlayer',
			'Send to a Player',
			yesNo,
			'Turn "Send to a Player" on or off.',
		);
		const target: IDataObject = toPlayer ? recipient.read(ctx, itemIndex) : {};
		return { call: { body: { recordTypeId, replaceValues, ...target } }, echo: { ...target } };
	},
	shape: (draft) => draft,
});
