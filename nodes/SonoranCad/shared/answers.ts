import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Delivery, SonoranAnswer, SonoranNoAnswer } from './transport';

/** How an endpoint reads its own answers: which text means success, and what a 404 means. */
export interface EndpointAnswers {
	/** The operation as Sonoran's docs name it, e.g. "Kick Unit". */
	operation: string;
	/** The lowest plan that includes the endpoint, e.g. "STANDARD". */
	plan: string;
	isSuccess: (text: string) => boolean;
	notFound: { message: string; description: string };
}

/**
 * Why a request did not do what was asked. `fatal` failures are about the credential or the
 * community, the same for every request: no further request in the execution can succeed.
 */
export interface SonoranFailure {
	message: string;
	description: string;
	fatal: boolean;
	/** Sonoran refused the request because of one or more of its items (404: unknown unit). */
	blamesItems: boolean;
	/** The HTTP status, or 0 when no answer came. */
	statusCode: number;
	/** Sonoran's answer text, key redacted; empty when no answer came. */
	answer: string;
}

export type Verdict = { ok: true; answer: string } | { ok: false; failure: SonoranFailure };

const STATUS_PAGE = 'https://status.sonoransoftware.com';

/** Worth retrying: rate limited, a server error, or no answer. */
export function isTransient(answer: SonoranAnswer | SonoranNoAnswer): boolean {
	if ('failure' in answer) return true;
	return answer.statusCode === 429 || answer.statusCode >= 500;
}

/** No clear answer: the request may or may not have been applied. */
export function isAmbiguous(answer: SonoranAnswer | SonoranNoAnswer): boolean {
	return 'failure' in answer || answer.statusCode >= 500;
}

/** The documented v1 400 answers; Sonoran reports each configuration problem this way. */
const REFUSALS: Array<{ match: (text: string) => boolean; message: string; description: string }> =
	[
		{
			match: (text) => text === 'INVALID API KEY',
			message: 'Sonoran CAD rejected the API key (INVALID API KEY)',
			description:
				"Open the Sonoran CAD API credential and paste the API key again from Sonoran CAD's Admin → In-Game Integration → API. A key that was regenerated in Sonoran stops working at once.",
		},
		{
			match: (text) => text === 'INVALID COMMUNITY ID',
			message: 'Sonoran CAD does not know this community ID (INVALID COMMUNITY ID)',
			description:
				"Open the Sonoran CAD API credential and copy the Community ID again from Sonoran CAD's Admin → In-Game Integration → API. Also check that Environment matches where the community lives (Production for live communities).",
		},
		{
			match: (text) => text === 'API IS NOT ENABLED FOR THIS COMMUNITY',
			message: 'The API is not enabled for this community (API IS NOT ENABLED FOR THIS COMMUNITY)',
			description:
				"Enable the API in Sonoran CAD's admin panel (Admin → In-Game Integration → API) and run the workflow again.",
		},
		{
			match: (text) => text === 'INVALID REQUEST TYPE',
			message: 'Sonoran CAD did not accept the request type (INVALID REQUEST TYPE)',
			description:
				'The request reached Sonoran in a form it does not accept. If the credential uses a custom Base URL, check that the proxy passes the JSON body through unchanged; otherwise report it to the n8n-nodes-sonorancad maintainers.',
		},
	];

function planRefusal(endpoint: EndpointAnswers, text: string) {
	return {
		message: `${endpoint.operation} is not included in this community's Sonoran plan (${text})`,
		description: `${endpoint.operation} needs the ${endpoint.plan} plan or higher. Upgrade the community's plan in Sonoran CAD, or remove this step from the workflow.`,
	};
}

const AMBIGUOUS_NOTE =
	' An earlier attempt of this request got no clear answer (a timeout, a lost connection or a server error) and may already have been applied.';

/**
 * Reads the last answer to a v1 request. This is the one place that knows what Sonoran's
 * answers mean.
 */
export function judgeV1Answer(endpoint: EndpointAnswers, delivery: Delivery): Verdict {
	const { answer, attempts } = delivery;
	if ('failure' in answer) return { ok: false, failure: noAnswerFailure(answer, attempts) };
	const text = answer.text.trim();
	const fail = (
		message: string,
		description: string,
		fatal = false,
		blamesItems = false,
	): Verdict => ({
		ok: false,
		failure: {
			message,
			description: delivery.ambiguous ? description + AMBIGUOUS_NOTE : description,
			fatal,
			blamesItems,
			statusCode: answer.statusCode,
			answer: text,
		},
	});
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';

	if (answer.statusCode >= 200 && answer.statusCode < 300) {
		if (endpoint.isSuccess(text)) return { ok: true, answer: text };
		if (/backend service reached/i.test(text)) {
			return fail(
				'Sonoran CAD answered "Backend Service Reached": the request went to a path that does not exist',
				'The credential\'s Base URL must be the API root with no path (for example https://api.sonorancad.com). Sonoran answers unknown paths with 200 "Backend Service Reached", so nothing was done.',
				true,
			);
		}
		if (text === '') {
			return fail(
				`Sonoran CAD gave an empty answer to ${endpoint.operation}`,
				'It is not known whether the request was applied. Check the units in Sonoran CAD before running the workflow again.',
			);
		}
		return fail(
			`Sonoran CAD gave an unexpected answer to ${endpoint.operation}: ${excerpt(text)}`,
			"It is not known whether the request was applied. If the credential uses a custom Base URL, check that it points at Sonoran CAD's API and not at another service.",
		);
	}

	if (answer.statusCode === 400) {
		const refusal = REFUSALS.find((candidate) => candidate.match(text));
		if (refusal) return fail(refusal.message, refusal.description, true);
		if (/IS NOT ENABLED FOR THIS COMMUNITY/i.test(text)) {
			const plan = planRefusal(endpoint, text);
			return fail(plan.message, plan.description, true);
		}
		return fail(
			`Sonoran CAD refused the request: ${excerpt(text) || 'no reason given'}`,
			'Check the values sent for this item.',
		);
	}
	if (answer.statusCode === 401 || answer.statusCode === 403) {
		return fail(
			`Sonoran CAD refused the credential (HTTP ${answer.statusCode})`,
			'Check the Community ID and API Key in the Sonoran CAD API credential.',
			true,
		);
	}
	if (answer.statusCode === 404) {
		return fail(endpoint.notFound.message, endpoint.notFound.description, false, true);
	}
	if (answer.statusCode === 429) {
		return fail(
			`Sonoran CAD rate limited this request (HTTP 429)${tries}`,
			'Too many requests were sent with this API key. Sonoran asks for no more than about one request per second over time: in Options, raise "Batch Size" (fewer requests), "Request Interval" (slower pace) or "Max Retries" and "Max Retry Wait", or space out the workflow\'s runs.',
		);
	}
	if (answer.statusCode >= 500) {
		return fail(
			`Sonoran CAD had a server error (HTTP ${answer.statusCode})${tries}`,
			`Sonoran's servers could not handle the request; see ${STATUS_PAGE} for outages and try again later.`,
		);
	}
	return fail(
		`Sonoran CAD answered with HTTP ${answer.statusCode}: ${excerpt(text) || 'no text'}`,
		'This answer is not documented for this endpoint; nothing is known to have been done.',
	);
}

function noAnswerFailure(answer: SonoranNoAnswer, attempts: number): SonoranFailure {
	const base = { fatal: false, blamesItems: false, statusCode: 0, answer: '' };
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	if (answer.failure === 'timeout') {
		return {
			...base,
			message: `Sonoran CAD did not answer in time${tries}`,
			description: `The request timed out and may still have been applied: check the units in Sonoran CAD before running it again. If Sonoran is slow rather than down, raise "Timeout" in Options; see ${STATUS_PAGE} for outages.`,
		};
	}
	return {
		...base,
		message: `Could not reach Sonoran CAD${tries}`,
		description: `The connection failed${answer.code ? ` (${answer.code})` : ''}. Check the credential's Environment and Base URL, and ${STATUS_PAGE} for outages. If the connection broke after the request was sent, it may have been applied.`,
	};
}

/** Keeps an unexpected answer short enough for an error message (an HTML error page, say). */
function excerpt(text: string): string {
	const oneLine = text
		.replace(/\s+/g, ' ')
		// eslint-disable-next-line no-control-regex -- control characters are what is being removed
		.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?')
		.trim();
	return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}

export function failureToError(
	node: INode,
	failure: SonoranFailure,
	itemIndex: number,
): NodeApiError {
	const response: JsonObject = { statusCode: failure.statusCode, answer: failure.answer };
	const answered = failure.statusCode
		? ` Sonoran answered HTTP ${failure.statusCode}${failure.answer ? ` "${excerpt(failure.answer)}"` : ' with no text'}.`
		: '';
	return new NodeApiError(node, response, {
		message: failure.message,
		description: failure.description + answered,
		httpCode: failure.statusCode ? String(failure.statusCode) : undefined,
		itemIndex,
	});
}
