import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_NAME } from '../client/connection';
import { asWholeNumber } from '../client/wholeNumber';
import { panelKeyProperty, searchPanels } from '../editor/panelKey';
import { acknowledgeOnReceipt } from './acknowledgeOnReceipt';
import {
	ANY_EVENT,
	eventOptions,
	isChosen,
	isPanelEvent,
	PANEL_ACTION,
	canonicalEvent,
} from './events';
import { carriesKey } from './keyCheck';
import { normalizeEvent } from './normalize';
import { seenBefore } from './seenEvents';

const showForPanels = { show: { events: [PANEL_ACTION] } };

export class SonoranCadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sonoran CAD Trigger',
		name: 'sonoranCadTrigger',
		icon: {
			light: 'file:../SonoranCad/sonorancad.svg',
			dark: 'file:../SonoranCad/sonorancad.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: `={{ ($parameter["events"] || []).map(e => e === "${ANY_EVENT}" ? "Any Event" : e === "${PANEL_ACTION}" ? "Panel Action" : e).join(", ") }}`,
		// n8n's node creator lists this trigger and the Sonoran CAD node as one entry, "Sonoran CAD",
		// and shows the trigger's description for it: so this one speaks for both.
		description:
			'Act on Sonoran CAD (units, calls, accounts, records, panels), or start a workflow when it pushes an event such as a unit logging in or a dispatcher pressing a panel button',
		defaults: { name: 'Sonoran CAD Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_NAME, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'event' }],
		properties: [
			{
				displayName:
					'Point the Sonoran CAD FiveM resource\'s push event forwarding at this trigger\'s production URL: in sonorancad/configuration/config.json set "enablePushEventForwarding": true and "pushEventForwardUrl" to the URL above. Sonoran puts the community API key in every event; the credential\'s API key must be the same.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: eventOptions,
				default: [ANY_EVENT],
				required: true,
				description:
					'The events that start the workflow; other events are acknowledged and ignored',
			},
			panelKeyProperty({
				displayName: 'Only Panel',
				required: false,
				displayOptions: showForPanels,
				description:
					"Start only for actions of this Integration Panel; leave empty for every panel's actions",
			}),
			{
				displayName: 'Only Action IDs',
				name: 'actionIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. door.set-locked, doors.lock-all',
				displayOptions: showForPanels,
				description:
					"Start only for these actions (the action IDs in the panel's definition), separated by commas; leave empty for all",
			},
			{
				displayName: 'Acknowledge on Receipt',
				name: 'acknowledge',
				type: 'boolean',
				default: false,
				displayOptions: showForPanels,
				description:
					'Whether to acknowledge each panel action as successful as soon as it arrives, before the workflow runs. Leave off to acknowledge it from the workflow (Panel → Acknowledge Action) with the real outcome; Sonoran drops an action that is not acknowledged within 60 s.',
			},
			{
				displayName: 'Acknowledgement Message',
				name: 'acknowledgeMessage',
				type: 'string',
				default: '',
				displayOptions: { show: { events: [PANEL_ACTION], acknowledge: [true] } },
				description:
					'What the dispatcher reads when the action is acknowledged (at most 500 characters)',
			},
		],
	};

	methods = { listSearch: { searchPanels } };

	/**
	 * Sonoran has no API to register a push URL: the FiveM resource's config names it. So there
	 * is nothing to look up, create or delete on Sonoran's side when the workflow is published.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	/**
	 * Answers at once (Sonoran does not wait for workflows): 401 for a missing or wrong key and
	 * 400 for a body that is not an event, both without starting anything and logged (the
	 * forwarder ignores the answer, so n8n's log is where a refusal shows); 200 for an event, which
	 * starts the workflow only when it is one of the chosen events, and a panel action only once.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};
		const refuse = (status: number, error: string, why: string): IWebhookResponseData => {
			this.logger.warn(`Sonoran CAD Trigger refused a push event (HTTP ${status}): ${why}`, {
				workflowId: this.getWorkflow().id,
				node: this.getNode().name,
			});
			return answer(status, { error });
		};

		const body = this.getBodyData();
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			return refuse(
				400,
				'Expected a JSON object {key, type, data}',
				'the body is not a JSON object',
			);
		}
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		if (!carriesKey(body.key, String(credentials.apiKey ?? ''))) {
			return refuse(
				401,
				'Unauthorized',
				body.key === undefined || body.key === ''
					? 'the event carries no API key'
					: "the event's API key is not the credential's: paste the community's current API key into the credential",
			);
		}
		if (typeof body.type !== 'string' || body.type.trim() === '') {
			return refuse(400, 'The event has no type', 'the event has no type');
		}

		const event = canonicalEvent(body.type);
		const chosen = this.getNodeParameter('events', []) as string[];
		if (!isChosen(chosen, event)) {
			return answer(200, { received: true, started: false });
		}
		const forwardedFor = asWholeNumber((this.getQueryData() as IDataObject).serverId);
		const item = normalizeEvent(body, new Date(), { serverId: forwardedFor });
		// The panel options are shown, and apply, only when Panel: Action is chosen.
		const panelOptions = isPanelEvent(event) && chosen.includes(PANEL_ACTION);
		if (isPanelEvent(event)) {
			if (panelOptions && !wantedPanelAction(this, item)) {
				return answer(200, { received: true, started: false });
			}
			if (typeof item.eventId === 'string' && seenBefore(this, item.eventId)) {
				return answer(200, { received: true, started: false, duplicate: true });
			}
		}
		response.status(200).json({ received: true, started: true });
		const acknowledged =
			panelOptions && this.getNodeParameter('acknowledge', false)
				? await acknowledgeOnReceipt(
						this,
						item,
						String(this.getNodeParameter('acknowledgeMessage', '')),
					)
				: {};
		return {
			noWebhookResponse: true,
			workflowData: [[{ json: { ...item, ...acknowledged } }]],
		};
	}
}

/** Whether a panel action passes the Only Panel and Only Action IDs filters. */
function wantedPanelAction(ctx: IWebhookFunctions, item: IDataObject): boolean {
	const panelKey = String(
		ctx.getNodeParameter('panelKey', '', { extractValue: true }) ?? '',
	).trim();
	if (panelKey && item.panelKey !== panelKey) return false;
	const actionIds = String(ctx.getNodeParameter('actionIds', '') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	return actionIds.length === 0 || actionIds.includes(String(item.actionId));
}
