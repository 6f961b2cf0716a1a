import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SonoranFailure } from './answers';
import type { Endpoint } from './endpoints';
import { baseUrlFor } from './environments';
import type { RequestPolicy } from './requestPolicy';

export const CREDENTIAL_NAME = 'sonoranCadApi';

/**
 * Where this client runs: a node's execution, a polling trigger's poll, an editor dropdown, or a
 * push trigger's webhook (acknowledging a panel action on receipt).
 */
export type SonoranContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions;

/** Where and how this execution talks to Sonoran, read once per execution. */
export interface SonoranConnection {
	baseUrl: string;
	/** Kept only to redact it from anything Sonoran answers; the credential sends it. */
	apiKey: string;
	/** Sent by the credential on v1 requests; v2 ignores it. */
	communityId: string;
	/**
	 * Requests with the same API key and base URL share one pace (see pacing.ts), however the
	 * community ID is written: Sonoran counts its limits per key. Held in memory only.
	 */
	paceKey: string;
	policy: RequestPolicy;
	/**
	 * Set by the transport when Sonoran refuses the key, the community or the plan: the same for
	 * every later request, so none is sent (a plan refusal: none to that endpoint).
	 */
	refusal?: { endpoint: Endpoint; failure: SonoranFailure };
	/** Cancels its waits instead of the execution's own signal (a request shared by executions). */
	signal?: AbortSignal;
	/**
	 * Whose helpers send a request shared by executions: one that is still running, since n8n
	 * aborts the requests of a cancelled execution.
	 */
	sendVia?: () => SonoranContext | undefined;
	/** Whether the request about to be sent is a shared one that could still take more items. */
	joinable?: () => boolean;
}

export async function openConnection(
	ctx: SonoranContext,
	policy: RequestPolicy,
): Promise<SonoranConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const baseUrl = baseUrlFor(credentials.environment, credentials.baseUrl);
	if (baseUrl === undefined) {
		throw new NodeOperationError(ctx.getNode(), "The credential's Base URL is not a valid URL", {
			description:
				'With Environment set to "Custom URL", Base URL must be an absolute http(s) URL of the API root, for example http://127.0.0.1:8080.',
		});
	}
	const apiKey = String(credentials.apiKey ?? '');
	return {
		baseUrl,
		apiKey,
		communityId: String(credentials.communityId ?? '').trim(),
		paceKey: `${baseUrl}|${apiKey}`,
		policy,
	};
}
