import type { IDataObject } from 'n8n-workflow';

import { CREATE_CUSTOM_DISPATCH_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { readFieldValues, templateFieldsProperty } from '../../parameters/templateFieldValues';
import { attachTargetProperties, readAttachTargets, type AttachBy } from './attachTargets';
import { dispatchTemplateProperty, readDispatchTemplateId } from './dispatchTemplates';
import {
	checkMetaData,
	deleteAfterField,
	metaDataField,
	noteField,
	readDeleteAfter,
	readNotes,
} from './fields';
import { findCreatedCall, newRequestId, REQUEST_ID_KEY } from './findCreated';

const ATTACH_KINDS: AttachBy[] = ['accounts', 'communityUserIds', 'discord', 'identIds', 'roblox'];

export const createCustomDispatch = perItemOperation({
	option: {
		name: 'Create Custom Dispatch Call',
		value: 'createCustomDispatch',
		action: 'Create a call from a dispatch template',
		description:
			"Open a dispatch call from one of the community's dispatch templates (custom call layouts), its fields mapped from the input item, attaching at least one unit on duty; one call per input item, never sent twice; returns the call with its ID",
	},
	properties: [
		serverIdProperty,
		dispatchTemplateProperty,
		templateFieldsProperty(
			'getDispatchTemplateFields',
			'dispatchTemplateId',
			"The template's fields, by their labels: Status takes one of the template's status options, Priority one of its choices",
		),
		...attachTargetProperties(
			ATTACH_KINDS,
			false,
			'Community user IDs, account UUIDs or unit IDs separated by commas (or a list from an expression), or one Discord or Roblox user ID; Sonoran requires at least one unit on duty',
		),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [deleteAfterField(60), metaDataField, noteField],
		},
	],
	endpoint: CREATE_CUSTOM_DISPATCH_CALL_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const notes = readNotes(ctx, itemIndex, extra);
		const body: IDataObject = {
			templateId: readDispatchTemplateId(ctx, itemIndex),
			values: readFieldValues(ctx, itemIndex),
			...readAttachTargets(ctx, itemIndex, ATTACH_KINDS, false),
			...(notes.length ? { notes } : {}),
			metaData: {
				...checkMetaData(ctx, itemIndex, extra.metaData),
				[REQUEST_ID_KEY]: newRequestId(),
			},
			...readDeleteAfter(ctx, itemIndex, extra),
		};
		return { call: { params: { serverId }, body }, echo: { serverId } };
	},
	shape: (call) => ({ callId: call.callId, ...call }),
	recover: findCreatedCall('active'),
});
