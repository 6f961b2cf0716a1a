import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { ACK_PANEL_ACTION_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { jsonObject, optionalText, routeKey, valueChecker, yesNo } from '../../parameters/validate';
import { panelKeyProperty, readPanelKey } from './panelParameters';

/** Sonoran's caps on an acknowledgement: the message a dispatcher reads, and the result's size. */
export const ACK_LIMITS = { messageLength: 500, resultBytes: 32 * 1024 };

function readAck(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const check = valueChecker(ctx, itemIndex);
	const success = check(
		ctx.getNodeParameter('success', itemIndex),
		'Success',
		yesNo,
		'Set "Success" to whether the action was carried out.',
	);
	const message = check(
		ctx.getNodeParameter('ackFields.message', itemIndex, ''),
		'Message',
		(value, reject) => {
			const given = optionalText(value, reject);
			if (given !== undefined && given.length > ACK_LIMITS.messageLength) {
				reject(`is ${given.length} characters long; Sonoran takes at most 500`);
			}
			return given;
		},
		'Shorten the message the dispatcher sees to 500 characters or fewer.',
	);
	const resultValue = ctx.getNodeParameter('ackFields.result', itemIndex, '');
	const result =
		resultValue === '' || resultValue === undefined
			? undefined
			: check(
					resultValue,
					'Result',
					jsonObject(ACK_LIMITS.resultBytes),
					'Give the result as a JSON object of at most 32 KiB, or remove it.',
				);
	return {
		success,
		...(message !== undefined ? { message } : {}),
		...(result !== undefined ? { result } : {}),
	};
}

export const acknowledgeAction = perItemOperation({
	option: {
		name: 'Acknowledge Action',
		value: 'acknowledge',
		action: 'Acknowledge a panel action',
		description:
			"Tell the CAD that a dispatcher's panel action was handled, successfully or not; a failure shows the dispatcher the message. Within 60 s of the press; one action per input item.",
	},
	properties: [
		serverIdProperty,
		panelKeyProperty(),
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			default: '={{ $json.eventId }}',
			required: true,
			description:
				"The action's event ID, as the Sonoran CAD Trigger's Panel Action item or Get Actions gives it",
		},
		{
			displayName: 'Success',
			name: 'success',
			type: 'boolean',
			default: true,
			description: 'Whether the action was carried out',
		},
		{
			displayName: 'Additional Fields',
			name: 'ackFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Message',
					name: 'message',
					type: 'string',
					default: '',
					description:
						'What the dispatcher reads (at most 500 characters); a failure is shown as a notification',
				},
				{
					displayName: 'Result',
					name: 'result',
					type: 'json',
					default: '{}',
					description: 'Structured data about the outcome, as a JSON object (at most 32 KiB)',
				},
			],
		},
	],
	endpoint: ACK_PANEL_ACTION_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const panelKey = readPanelKey(ctx, itemIndex);
		const eventId = valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('eventId', itemIndex),
			'Event ID',
			routeKey,
			"Map the action's event ID, such as {{ $json.eventId }} from the Sonoran CAD Trigger.",
		);
		return {
			call: { params: { serverId, panelKey, eventId }, body: readAck(ctx, itemIndex) },
			echo: { serverId, panelKey, eventId },
		};
	},
	shape: (answer) => ({ acknowledged: true, ...answer }),
});
