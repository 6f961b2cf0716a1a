import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { CREDENTIAL_NAME, type SonoranConnection } from './connection';

/** What Sonoran answered, as text: v1 answers are mostly plain text, some JSON. */
export interface SonoranAnswer {
	statusCode: number;
	text: string;
	headers: IDataObject;
}

/** A request that got no HTTP answer at all. */
export interface SonoranNoAnswer {
	statusCode: 0;
	failure: 'timeout' | 'network' | 'cancelled';
	/** The system error code, such as ECONNRESET, when there is one. */
	code?: string;
}

const REDACTED = '**hidden**';

/**
 * Sends one v1 request: `POST {base}/{path}` with `{type, data}`; the credential adds `id` and
 * `key` to the body. Every request of this package goes through here. HTTP error statuses are
 * returned, not thrown, because Sonoran's meaning is in the text (see answers.ts).
 */
export async function postV1(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	path: string,
	type: string,
	data: IDataObject[],
): Promise<SonoranAnswer | SonoranNoAnswer> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: `${connection.baseUrl}/${path}`,
		body: { type, data },
		// v1 answers are text; read them as such rather than let a bare number be parsed.
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: connection.timeoutMs,
	};
	try {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(
			ctx,
			CREDENTIAL_NAME,
			options,
		)) as { statusCode: number; body: unknown; headers: IDataObject };
		return {
			statusCode: response.statusCode,
			text: redact(bodyText(response.body), connection.apiKey),
			headers: response.headers ?? {},
		};
	} catch (error) {
		return describeFailure(ctx, error);
	}
}

function bodyText(body: unknown): string {
	if (body === undefined || body === null) return '';
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/** Sonoran never echoes the key as far as documented; this makes sure of it. */
export function redact(text: string, secret: string): string {
	return secret.length >= 4 ? text.split(secret).join(REDACTED) : text;
}

function describeFailure(ctx: IExecuteFunctions, error: unknown): SonoranNoAnswer {
	if (ctx.getExecutionCancelSignal()?.aborted) return { statusCode: 0, failure: 'cancelled' };
	const code = systemErrorCode(error);
	const timedOut =
		code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(errorText(error));
	return { statusCode: 0, failure: timedOut ? 'timeout' : 'network', code };
}

function systemErrorCode(error: unknown): string | undefined {
	for (
		let cause = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
		cause && depth < 4;
		depth++
	) {
		if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code)) return cause.code;
		cause = cause.cause as typeof cause;
	}
	return undefined;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
