import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Endpoint } from './endpoints';
import { planName } from './plans';
import type { Delivery, SonoranAnswer, SonoranFailure, SonoranNoAnswer } from './delivery';

export type { SonoranFailure } from './delivery';

/**
 * `json` is the parsed answer for answers that are JSON (v2, and v1 lists). `afterUnclear`: an
 * earlier attempt got no clear answer, and this success may be partly its work; `note` says so in
 * a sentence for the output item.
 */
export type Verdict =
	| { ok: true; answer: string; json?: unknown; afterUnclear?: boolean; note?: string }
	| { ok: false; failure: SonoranFailure };

const STATUS_PAGE = 'https://status.sonoransoftware.com';

const AMBIGUOUS_NOTE =
	' An earlier attempt of this request got no clear answer (a timeout, a lost connection or a server error) and may already have been applied.';

/** A JSON object (not a list, not null): how answers' fields are read. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Worth retrying: rate limited, a server error, or no answer. */
export function isTransient(answer: SonoranAnswer | SonoranNoAnswer): boolean {
	if ('failure' in answer) return true;
	return answer.statusCode === 429 || answer.statusCode >= 500;
}

/**
 * Connection errors that prove the request was never written: the name did not resolve, or the
 * server refused the connection. EHOSTUNREACH, ENETUNREACH and EADDRNOTAVAIL are not here: they
 * can surface on a reused connection after the body left.
 */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** No clear answer: the request may or may not have been applied. */
export function isAmbiguous(answer: SonoranAnswer | SonoranNoAnswer): boolean {
	if ('failure' in answer) return !(answer.code && NEVER_SENT.has(answer.code));
	return answer.statusCode >= 500;
}

/** Whether a delivery's request may have been applied without Sonoran saying so. */
export function mayHaveApplied(delivery: Delivery): boolean {
	return delivery.ambiguous || isAmbiguous(delivery.answer);
}

/** The documented v1 400 answers; Sonoran reports each configuration problem this way. */
const V1_REFUSALS: Record<string, { message: string; description: string }> = {
	'INVALID API KEY': {
		message: 'Sonoran CAD rejected the API key (INVALID API KEY)',
		description:
			"Open the Sonoran CAD API credential and paste the API key again from Sonoran CAD's Admin → In-Game Integration → API. A key that was regenerated in Sonoran stops working at once.",
	},
	'INVALID COMMUNITY ID': {
		message: 'Sonoran CAD does not know this community ID (INVALID COMMUNITY ID)',
		description:
			"Open the Sonoran CAD API credential and copy the Community ID again from Sonoran CAD's Admin → In-Game Integration → API. Also check that Environment matches where the community lives (Production for live communities).",
	},
	'API IS NOT ENABLED FOR THIS COMMUNITY': {
		message: 'The API is not enabled for this community (API IS NOT ENABLED FOR THIS COMMUNITY)',
		description:
			"Enable the API in Sonoran CAD's admin panel (Admin → In-Game Integration → API) and run the workflow again.",
	},
	'INVALID REQUEST TYPE': {
		message: 'Sonoran CAD did not accept the request type (INVALID REQUEST TYPE)',
		description:
			'The request reached Sonoran in a form it does not accept. If the credential uses a custom Base URL, check that the proxy passes the JSON body through unchanged; otherwise report it to the n8n-nodes-sonorancad maintainers.',
	},
};

function planOnly(verdict: Verdict): Verdict {
	return verdict.ok ? verdict : { ok: false, failure: { ...verdict.failure, planOnly: true } };
}

function planRefusal(endpoint: Endpoint, said: string) {
	const needs = endpoint.minPlan
		? `${endpoint.operation} needs the ${planName(endpoint.minPlan)} plan or higher.`
		: `Sonoran's documentation names no plan for ${endpoint.operation}; the community's plan does not include it.`;
	return {
		message: `${endpoint.operation} is not included in this community's Sonoran plan (${said})`,
		description: `${needs} Upgrade the community's plan in Sonoran CAD, or remove this step from the workflow.`,
	};
}

const BACKEND_REACHED = {
	message:
		'Sonoran CAD answered "Backend Service Reached": the request went to a path that does not exist',
	description:
		'The credential\'s Base URL must be the API root with no path (for example https://api.sonorancad.com). Sonoran answers unknown paths with 200 "Backend Service Reached", so nothing was done.',
};

/**
 * Reads the last answer to a request. This is the one place that knows what Sonoran's answers
 * mean, for both APIs.
 */
export function judge(endpoint: Endpoint, delivery: Delivery): Verdict {
	if (delivery.refused) return { ok: false, failure: delivery.refused };
	const verdict = judgeAnswer(endpoint, delivery);
	if (verdict.ok) {
		return delivery.ambiguous ? { note: RESENT_NOTE, ...verdict, afterUnclear: true } : verdict;
	}
	if (!endpoint.repeat.safe && mayHaveApplied(delivery)) {
		const { failure } = verdict;
		return {
			ok: false,
			failure: { ...failure, description: `${failure.description} ${notRepeated(endpoint)}` },
		};
	}
	return verdict;
}

/** What the item says when its request may have been applied and was not sent again. */
export function notRepeated(endpoint: Endpoint): string {
	const check = endpoint.repeat.safe ? '' : ` ${endpoint.repeat.check}`;
	return `${endpoint.operation} may have been applied all the same, so it was not sent again (that could apply it twice).${check}`;
}

/** For an output item whose request was sent again after an attempt without a clear answer. */
const RESENT_NOTE =
	'An earlier attempt got no clear answer (a server error, a timeout or a lost connection); the request was sent again, which is safe for this operation.';

/** One answer being read: what was said, and how to fail with it. */
interface Reading {
	endpoint: Endpoint;
	delivery: Delivery;
	statusCode: number;
	/** The answer's text, trimmed. */
	text: string;
	/** What Sonoran said: a v2 problem's detail, else the text. */
	said: string;
	fail: (message: string, description: string, fatal?: boolean, blamesItems?: boolean) => Verdict;
}

function judgeAnswer(endpoint: Endpoint, delivery: Delivery): Verdict {
	const { answer } = delivery;
	if ('failure' in answer) {
		return { ok: false, failure: noAnswerFailure(answer, delivery.attempts) };
	}
	const text = answer.text.trim();
	const said = (endpoint.api === 'v2' ? problemDetail(text) : undefined) ?? text;
	const reading: Reading = {
		endpoint,
		delivery,
		statusCode: answer.statusCode,
		text,
		said,
		fail: (message, description, fatal = false, blamesItems = false) => ({
			ok: false,
			failure: {
				message,
				description: delivery.ambiguous ? description + AMBIGUOUS_NOTE : description,
				fatal,
				blamesItems,
				statusCode: answer.statusCode,
				answer: said,
			},
		}),
	};
	if (reading.statusCode >= 200 && reading.statusCode < 300) return judgeSuccess(reading);
	if (reading.statusCode >= 400 && reading.statusCode < 429) {
		return judgeRefusal(reading) ?? judgeUnknown(reading);
	}
	return judgeUnknown(reading);
}

/** A 2xx: what the endpoint answers, `Backend Service Reached` (a wrong path), or something else. */
function judgeSuccess({ endpoint, text, fail }: Reading): Verdict {
	if (/backend service reached/i.test(text)) {
		return fail(BACKEND_REACHED.message, BACKEND_REACHED.description, true);
	}
	if (text === '' && endpoint.answersNothing) return { ok: true, answer: text, json: {} };
	const success = endpoint.api === 'v1' ? endpoint.isSuccess?.(text) : text !== '';
	const json = success ? parseJson(text) : undefined;
	if (success && (endpoint.api === 'v1' || json !== undefined)) {
		return { ok: true, answer: text, json };
	}
	if (text === '') {
		return fail(
			`Sonoran CAD gave an empty answer to ${endpoint.operation}`,
			'It is not known whether the request was applied. Check Sonoran CAD before running the workflow again.',
		);
	}
	return fail(
		`Sonoran CAD gave an unexpected answer to ${endpoint.operation}: ${excerpt(text)}`,
		"It is not known whether the request was applied. If the credential uses a custom Base URL, check that it points at Sonoran CAD's API and not at another service.",
	);
}

/** 400, 401, 403 and 404: the key, the plan, the item's values, or something not found. */
function judgeRefusal({ endpoint, delivery, statusCode, text, said, fail }: Reading) {
	if (statusCode === 400 && endpoint.api === 'v1') {
		const refusal = V1_REFUSALS[text];
		if (refusal) return fail(refusal.message, refusal.description, true);
		if (/IS NOT ENABLED FOR THIS COMMUNITY/i.test(text)) {
			const plan = planRefusal(endpoint, text);
			return planOnly(fail(plan.message, plan.description, true));
		}
	}
	if (statusCode === 400) {
		return fail(
			`Sonoran CAD refused the request: ${excerpt(said) || 'no reason given'}`,
			'Check the values sent for this item.',
		);
	}
	if (statusCode === 401) {
		return fail(
			'Sonoran CAD rejected the API key (HTTP 401)',
			"Open the Sonoran CAD API credential and paste the API key again from Sonoran CAD's Admin → In-Game Integration → API.",
			true,
		);
	}
	if (statusCode === 403 && endpoint.forbidden) {
		return fail(endpoint.forbidden.message, endpoint.forbidden.description, false, true);
	}
	if (statusCode === 403) {
		const plan = planRefusal(endpoint, `HTTP 403${said ? `: ${excerpt(said)}` : ''}`);
		return planOnly(
			fail(plan.message, `${plan.description} Or the API key lacks permission for it.`, true),
		);
	}
	if (statusCode === 409 && endpoint.conflict?.doneAfterUnclear && delivery.ambiguous) {
		return { ok: true, answer: said, note: DONE_EARLIER_NOTE } satisfies Verdict;
	}
	if (statusCode === 409) {
		const conflict = endpoint.conflict ?? {
			message: `Sonoran CAD refused ${endpoint.operation}: it conflicts with what the CAD holds (HTTP 409)`,
			description: 'Check the values sent for this item against what exists in Sonoran CAD.',
		};
		return fail(
			conflict.message,
			`${conflict.description} Sonoran said: ${excerpt(said)}`,
			false,
			true,
		);
	}
	if (statusCode === 413) {
		return fail(
			`Sonoran CAD refused ${endpoint.operation} as too large (HTTP 413)`,
			`Make what this item sends smaller: Sonoran caps its size. Sonoran said: ${excerpt(said)}`,
			false,
			true,
		);
	}
	if (statusCode !== 404) return undefined;
	// Removed by the attempt that got no clear answer: what was asked is done.
	if (endpoint.repeat.safe && endpoint.repeat.removes && delivery.ambiguous) {
		return { ok: true, answer: said, note: GONE_NOTE } satisfies Verdict;
	}
	const { notFound } = endpoint;
	return fail(notFound.message, notFound.description, false, notFound.blamesItems);
}

const DONE_EARLIER_NOTE =
	'An earlier attempt got no clear answer (a server error, a timeout or a lost connection); sent again, Sonoran answered that it was already done (HTTP 409), so the earlier attempt did it.';

const GONE_NOTE =
	'An earlier attempt got no clear answer (a server error, a timeout or a lost connection); sent again, Sonoran answered that it is no longer there (HTTP 404), so the earlier attempt did it.';

/** A 429 that outlasted Max Retry Wait, a server error, or a status the docs do not name. */
function judgeUnknown({ endpoint, delivery, statusCode, said, fail }: Reading): Verdict {
	const { attempts } = delivery;
	if (statusCode === 429) {
		const waited = Math.round(delivery.waitedMs / 1000);
		return fail(
			`Sonoran CAD kept rate limiting this request (HTTP 429) for longer than Max Retry Wait (${attempts} attempt${attempts === 1 ? '' : 's'}, ${waited} s of waiting)`,
			`Too many requests were sent with this API key, here or by other workflows and n8n workers that use it; ${
				endpoint.perMinute
					? `${endpoint.operation} allows ${endpoint.perMinute} requests per minute`
					: 'Sonoran asks for no more than about one request per second over time'
			}. Nothing was done for this item. Raise "Max Retry Wait" in Options so the node waits longer, raise "Batch Size" (fewer requests), or space out the workflow's runs.`,
		);
	}
	if (statusCode >= 500) {
		const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
		return fail(
			`Sonoran CAD had a server error (HTTP ${statusCode})${tries}`,
			`Sonoran's servers could not handle the request; see ${STATUS_PAGE} for outages and try again later.`,
		);
	}
	return fail(
		`Sonoran CAD answered with HTTP ${statusCode}: ${excerpt(said) || 'no text'}`,
		'This answer is not documented for this endpoint; nothing is known to have been done.',
	);
}

/**
 * A 2xx answer that is not what the endpoint answers, such as an HTML page from a wrong Base URL:
 * `expected` names what should have come ("a list of records").
 */
export function unexpectedAnswer(
	endpoint: Endpoint,
	expected: string,
	answer: string,
): SonoranFailure {
	return {
		message: `Sonoran CAD answered ${endpoint.operation} without ${expected}`,
		description: `Expected ${expected}. If the credential uses a custom Base URL, check that it points at Sonoran CAD's API.`,
		fatal: false,
		blamesItems: false,
		statusCode: 200,
		answer: answer.slice(0, 200),
	};
}

/**
 * Sonoran accepted a request but did not do this item's part (a 2xx that leaves it out). The
 * answer is not kept: in a request shared by executions it names other executions' items.
 */
export function leftOut(message: string, description: string): SonoranFailure {
	return { message, description, fatal: false, blamesItems: true, statusCode: 200, answer: '' };
}

/** A check against what Sonoran holds refused the item before anything was sent for it. */
export function notSent(message: string, description: string): SonoranFailure {
	return { message, description, fatal: false, blamesItems: true, statusCode: 0, answer: '' };
}

function noAnswerFailure(answer: SonoranNoAnswer, attempts: number): SonoranFailure {
	const base = { fatal: false, blamesItems: false, statusCode: 0, answer: '' };
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	if (answer.failure === 'timeout') {
		return {
			...base,
			message: `Sonoran CAD did not answer in time${tries}`,
			description: `The request timed out and may still have been applied: check Sonoran CAD before running it again. If Sonoran is slow rather than down, raise "Timeout" in Options; see ${STATUS_PAGE} for outages.`,
		};
	}
	const applied = isAmbiguous(answer)
		? ' If the connection broke after the request was sent, it may have been applied.'
		: ' The request was not sent.';
	return {
		...base,
		message: `Could not reach Sonoran CAD${tries}`,
		description: `The connection failed${answer.code ? ` (${answer.code})` : ''}. Check the credential's Environment and Base URL, and ${STATUS_PAGE} for outages.${applied}`,
	};
}

function parseJson(text: string): unknown {
	if (!/^[[{"\d-]/.test(text) && !/^(true|false|null)$/.test(text)) return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		// Not JSON after all: the caller reports the text as unexpected.
		return undefined;
	}
}

/** A v2 error is `application/problem+json`: its `detail` (else `title`, else `message`) says why. */
function problemDetail(text: string): string | undefined {
	const json = parseJson(text) as
		| { detail?: unknown; title?: unknown; message?: unknown }
		| undefined;
	if (!json || typeof json !== 'object') return undefined;
	const said = [json.detail, json.title, json.message].find((value) => typeof value === 'string');
	return said as string | undefined;
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
		? ` Sonoran answered HTTP ${failure.statusCode}${failure.answer ? ` "${excerpt(failure.answer)}"` : ''}.`
		: '';
	return new NodeApiError(node, response, {
		message: failure.message,
		description: failure.description + answered,
		httpCode: failure.statusCode ? String(failure.statusCode) : undefined,
		itemIndex,
	});
}
