import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UPDATE_DISPATCH_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation, type ItemRequest } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { text, valueChecker, yesNo } from '../../parameters/validate';
import {
	callIdProperty,
	checkMetaData,
	clearFieldsOption,
	readClearFields,
	dispatchTextFields,
	enumField,
	ENUMS,
	metaDataField,
	readCallId,
	readDispatchText,
	readEnum,
} from './fields';

function read(ctx: IExecuteFunctions, itemIndex: number): ItemRequest {
	const check = valueChecker(ctx, itemIndex);
	const serverId = readServerId(ctx, itemIndex);
	const callId = readCallId(ctx, itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const given = readDispatchText(ctx, itemIndex, fields);
	const body: IDataObject = { ...given, ...readClearFields(ctx, itemIndex, fields, given) };
	for (const name of Object.keys(ENUMS) as Array<keyof typeof ENUMS>) {
		if (fields[name] !== undefined) body[name] = readEnum(ctx, itemIndex, name, fields[name]);
	}
	if (fields.title !== undefined) {
		body.title = check(fields.title, 'Title', text, 'Set "Title" to text, or remove it.');
	}
	if (fields.trackPrimary !== undefined) {
		body.trackPrimary = check(
			fields.trackPrimary,
			'Track Primary',
			yesNo,
			'Turn "Track Primary" on or off.',
		);
	}
	const metaData = checkMetaData(ctx, itemIndex, fields.metaData);
	if (metaData) body.metaData = metaData;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "Update Fields" is empty`, {
			itemIndex,
			description: 'Add at least one field to change or clear under "Update Fields".',
		});
	}
	return {
		call: {
			params: { serverId, callId },
			body,
		},
		echo: { callId, serverId },
	};
}

export const update = perItemOperation({
	option: {
		name: 'Update Dispatch Call',
		value: 'update',
		action: 'Update fields of a dispatch call',
		description:
			"Change a dispatch call's status, priority, title, address or other fields by its call ID; only the fields given change (Fields to Clear blanks text fields); returns the updated call",
	},
	properties: [
		serverIdProperty,
		callIdProperty,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...dispatchTextFields,
				clearFieldsOption,
				{
					...metaDataField,
					description: `${metaDataField.description} Replaces the call's whole metadata: include the values to keep.`,
				},
				enumField('origin', 0),
				enumField('priority', 1),
				enumField('status', 1),
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'The short name of the call',
				},
				{
					displayName: 'Track Primary',
					name: 'trackPrimary',
					type: 'boolean',
					default: false,
					description: "Whether the call's location follows its primary unit",
				},
			],
		},
	],
	endpoint: UPDATE_DISPATCH_CALL_V2,
	read: read,
	shape: (call) => call,
});
