import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREATE_DISPATCH_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation, type ItemRequest } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import {
	choiceIn,
	identifier,
	identifierList,
	optionalText,
	parameterReader,
	text,
	valueChecker,
	wholeNumber,
	type Check,
} from '../../parameters/validate';
import {
	checkMetaData,
	dispatchTextFields,
	enumField,
	metaDataField,
	readDispatchText,
	readEnum,
	deleteAfterField,
	readDeleteAfter,
} from './fields';
import { findCreatedCall, newRequestId, REQUEST_ID_KEY } from './findCreated';

/** Whom to attach when the call is created: Sonoran's target properties for this route. */
type AttachBy = 'none' | 'communityUserIds' | 'discord' | 'roblox' | 'accounts';

const ATTACH_BY: Record<
	Exclude<AttachBy, 'none'>,
	{ label: string; check: Check<unknown>; fix: string }
> = {
	communityUserIds: {
		label: 'Community User IDs',
		check: identifierList,
		fix: 'Give one or more community user IDs (linked with /link), as a list or separated by commas.',
	},
	accounts: {
		label: 'Account UUIDs',
		check: identifierList,
		fix: 'Give one or more Sonoran account UUIDs, as a list or separated by commas.',
	},
	discord: {
		label: 'Discord User ID',
		check: identifier,
		fix: "Give the player's Discord user ID as text (as a number it would lose digits).",
	},
	// Sonoran's Create Dispatch Call page types it as text.
	roblox: {
		label: 'Roblox User ID',
		check: (value, reject) => String(wholeNumber(value, reject)),
		fix: "Give the player's numeric Roblox user ID.",
	},
};

function read(ctx: IExecuteFunctions, itemIndex: number): ItemRequest {
	const readParameter = parameterReader(ctx, itemIndex);
	const check = valueChecker(ctx, itemIndex);
	const serverId = readServerId(ctx, itemIndex);
	const param = (name: string) => ctx.getNodeParameter(name, itemIndex);
	const body: IDataObject = {
		origin: readEnum(ctx, itemIndex, 'origin', param('origin')),
		status: readEnum(ctx, itemIndex, 'status', param('status')),
		priority: readEnum(ctx, itemIndex, 'priority', param('priority')),
		title: readParameter('title', 'Title', text, 'Set "Title", the short name of the call.'),
	};
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	Object.assign(body, readDispatchText(ctx, itemIndex, extra));
	const note = check(extra.note, 'Note', optionalText, 'Set "Note" to text, or remove it.');
	body.notes = note ? [{ label: 'n8n', type: 'text', content: note }] : [];
	body.metaData = {
		...checkMetaData(ctx, itemIndex, extra.metaData),
		[REQUEST_ID_KEY]: newRequestId(),
	};
	Object.assign(body, readDeleteAfter(ctx, itemIndex, extra));
	const attachBy = readParameter(
		'attachBy',
		'Attach Units By',
		choiceIn<AttachBy>(['none', ...(Object.keys(ATTACH_BY) as AttachBy[])]),
		'Pick from the list how the items name the units to attach, or None.',
	);
	if (attachBy === 'none') body.communityUserIds = [];
	else {
		const { label, check: checkUnits, fix } = ATTACH_BY[attachBy];
		body[attachBy] = readParameter('attachUnits', label, checkUnits, fix) as IDataObject[string];
	}
	return {
		call: { params: { serverId }, body },
		echo: { serverId },
	};
}

export const createDispatch = perItemOperation({
	option: {
		name: 'Create Dispatch Call',
		value: 'createDispatch',
		action: 'Create a dispatch call',
		description:
			'Open a dispatch call with a title, origin, status and priority, optionally attaching units; one call per input item; returns the call with its ID (plan PLUS or higher assumed)',
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Armed Robbery',
			description: 'The short name of the call, as dispatchers see it in the call list',
		},
		enumField('origin', 0),
		enumField('status', 1),
		enumField('priority', 1),
		{
			displayName: 'Attach Units By',
			name: 'attachBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account UUIDs', value: 'accounts' },
				{ name: 'Community User IDs', value: 'communityUserIds' },
				{ name: 'Discord User ID', value: 'discord' },
				{ name: 'None (Unassigned Call)', value: 'none' },
				{ name: 'Roblox User ID', value: 'roblox' },
			],
			default: 'none',
			description: "Which units to attach to the new call: the players' active units",
		},
		{
			displayName: 'Units',
			name: 'attachUnits',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { hide: { attachBy: ['none'] } },
			description:
				'Community user IDs or account UUIDs separated by commas (or a list from an expression), or one Discord or Roblox user ID',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...dispatchTextFields,
				deleteAfterField(60),
				metaDataField,
				{
					displayName: 'Note',
					name: 'note',
					type: 'string',
					default: '',
					description: 'A first note on the call',
				},
			],
		},
	],
	endpoint: CREATE_DISPATCH_CALL_V2,
	read: read,
	shape: (call) => ({ callId: call.callId, ...call }),
	recover: findCreatedCall('active'),
});
