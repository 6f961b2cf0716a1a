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
import { ANY_EVENT, canonicalEvent, eventOptions } from './events';
import { carriesKey } from './keyCheck';
import { normalizeEvent } from './normalize';

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
		subtitle: `={{ ($parameter["events"] || []).map(e => e === "${ANY_EVENT}" ? "Any Event" : e).join(", ") }}`,
		// n8n's node creator lists this trigger and the Sonoran CAD node as one entry, "Sonoran CAD",
		// and shows the trigger's description for it: so this one speaks for both.
		description:
			'Act on Sonoran CAD (units, calls, accounts, records), or start a workflow when it pushes an event such as a unit logging in',
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
		],
	};

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
	 * 400 for a body that is not an event, both without starting anything; 200 for an event,
	 * which starts the workflow only when it is one of the chosen events.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const body = this.getBodyData();
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			return answer(400, { error: 'Expected a JSON object {key, type, data}' });
		}
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		if (!carriesKey(body.key, String(credentials.apiKey ?? ''))) {
			return answer(401, { error: 'Unauthorized' });
		}
		if (typeof body.type !== 'string' || body.type.trim() === '') {
			return answer(400, { error: 'The event has no type' });
		}

		const chosen = this.getNodeParameter('events', []) as string[];
		const event = canonicalEvent(body.type);
		if (!chosen.includes(ANY_EVENT) && !chosen.map(canonicalEvent).includes(event)) {
			return answer(200, { received: true, started: false });
		}
		response.status(200).json({ received: true, started: true });
		return {
			noWebhookResponse: true,
			workflowData: [[{ json: normalizeEvent(body, new Date()) }]],
		};
	}
}
