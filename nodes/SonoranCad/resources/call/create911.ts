import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withCallerName } from '../../../client/callListing';
import { CREATE_911_CALL_V2 } from '../../../client/endpoints';
import { perItemOperation, type ItemRequest } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import {
	optionalText,
	parameterReader,
	text,
	valueChecker,
	yesNo,
} from '../../parameters/validate';
import { checkMetaData, deleteAfterField, metaDataField, readDeleteAfter } from './fields';
import { findCreatedCall, newRequestId, REQUEST_ID_KEY } from './findCreated';

/** Metadata keys the CAD reads, offered as their own fields (Sonoran's Create 911 Call page). */
const META_FIELDS = [
	{ name: 'postal', label: 'Postal' },
	{ name: 'plate', label: 'Plate' },
	{ name: 'x', label: 'Coordinate X' },
	{ name: 'y', label: 'Coordinate Y' },
	{ name: 'z', label: 'Coordinate Z' },
];

function read(ctx: IExecuteFunctions, itemIndex: number): ItemRequest {
	const readParameter = parameterReader(ctx, itemIndex);
	const check = valueChecker(ctx, itemIndex);
	const serverId = readServerId(ctx, itemIndex);
	const fix = (label: string) => `Set "${label}"; Sonoran shows it to dispatchers.`;
	const body: IDataObject = {
		isEmergency: readParameter('isEmergency', 'Emergency', yesNo, 'Turn "Emergency" on or off.'),
		caller: readParameter('caller', 'Caller', text, fix('Caller')),
		location: readParameter('location', 'Location', text, fix('Location')),
		description: readParameter('description', 'Description', text, fix('Description')),
	};
	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const metaData: IDataObject = {
		...checkMetaData(ctx, itemIndex, extra.metaData),
		[REQUEST_ID_KEY]: newRequestId(),
	};
	for (const { name, label } of META_FIELDS) {
		const value = check(extra[name], label, optionalText, `Set "${label}" to text, or remove it.`);
		if (value !== undefined) metaData[name] = value;
	}
	body.metaData = metaData;
	Object.assign(body, readDeleteAfter(ctx, itemIndex, extra));
	return {
		call: { params: { serverId }, body },
		echo: { serverId },
	};
}

export const create911 = perItemOperation({
	option: {
		name: 'Create 911 Call',
		value: 'create911',
		action: 'Create a 911 call from a report',
		description:
			'Place a 911 call in the CAD for dispatchers to see, such as a robbery alarm from the game server; one call per input item; returns the call with its ID (plan STANDARD or higher assumed)',
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Emergency',
			name: 'isEmergency',
			type: 'boolean',
			default: true,
			description: 'Whether dispatchers see the call marked as an emergency',
		},
		{
			displayName: 'Caller',
			name: 'caller',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. {{ $json.body.callerName }}',
			description:
				'Who is calling, as shown in the CAD. n8n expressions cannot read a field named "caller": send it as "callerName".',
		},
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 24/7 Supermarket, Innocence Blvd',
			description: 'Where the emergency is, in words',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 2 },
			placeholder: 'e.g. Armed robbery in progress',
			description: 'What happened, as dispatchers read it',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Coordinate X',
					name: 'x',
					type: 'string',
					default: '',
					description: 'In-game X coordinate; with Y, places the call on the live map',
				},
				{
					displayName: 'Coordinate Y',
					name: 'y',
					type: 'string',
					default: '',
					description: 'In-game Y coordinate; with X, places the call on the live map',
				},
				{
					displayName: 'Coordinate Z',
					name: 'z',
					type: 'string',
					default: '',
					description: 'In-game Z coordinate (height)',
				},
				deleteAfterField(30),
				metaDataField,
				{
					displayName: 'Plate',
					name: 'plate',
					type: 'string',
					default: '',
					description: 'A vehicle plate involved in the call',
				},
				{
					displayName: 'Postal',
					name: 'postal',
					type: 'string',
					default: '',
					description: 'The postal code of the location',
				},
			],
		},
	],
	endpoint: CREATE_911_CALL_V2,
	read: read,
	shape: (call) => ({ callId: call.callId, ...withCallerName(call) }),
	recover: findCreatedCall('emergency'),
});
