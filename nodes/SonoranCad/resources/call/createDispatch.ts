import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREATE_DISPATCH_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation, type ItemRequest } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { parameterReader, text } from '../../parameters/validate';
import {
	checkMetaData,
	dispatchTextFields,
	enumField,
	metaDataField,
	readDispatchText,
	readEnum,
	deleteAfterField,
	readDeleteAfter,
	noteField,
	readNotes,
} from './fields';
import { attachTargetProperties, readAttachTargets, type AttachBy } from './attachTargets';
import { findCreatedCall, newRequestId, REQUEST_ID_KEY } from './findCreated';

const ATTACH_KINDS: AttachBy[] = ['accounts', 'communityUserIds', 'discord', 'roblox'];

function read(ctx: IExecuteFunctions, itemIndex: number): ItemRequest {
	const readParameter = parameterReader(ctx, itemIndex);
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
	body.notes = readNotes(ctx, itemIndex, extra);
	body.metaData = {
		...checkMetaData(ctx, itemIndex, extra.metaData),
		[REQUEST_ID_KEY]: newRequestId(),
	};
	Object.assign(body, readDeleteAfter(ctx, itemIndex, extra));
	Object.assign(body, readAttachTargets(ctx, itemIndex, ATTACH_KINDS, true));
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
		...attachTargetProperties(
			ATTACH_KINDS,
			true,
			'Community user IDs or account UUIDs separated by commas (or a list from an expression), or one Discord or Roblox user ID',
		),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...dispatchTextFields, deleteAfterField(60), metaDataField, noteField],
		},
	],
	endpoint: CREATE_DISPATCH_CALL_V2,
	read: read,
	shape: (call) => ({ callId: call.callId, ...call }),
	recover: findCreatedCall('active'),
});
