import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { failureToError, judge, type Verdict } from '../client/answers';
import { openConnection, type SonoranConnection, type SonoranContext } from '../client/connection';
import { pathOf, type Endpoint } from '../client/endpoints';
import { DEFAULT_POLICY } from '../client/requestPolicy';
import { requestV2 } from '../client/transport';

/**
 * How long a list read for the editor (servers, record templates, a template's fields) is reused.
 * The editor asks again each time a dropdown opens or a field is typed in; these lists change
 * rarely, and each read spends the API key's limit that live workflows share.
 */
export const EDITOR_CACHE_MS = 60_000;

/** A dropdown should answer within seconds: one retry, and at most 15 s of waiting on a 429. */
const EDITOR_POLICY = { ...DEFAULT_POLICY, maxRetries: 1, maxRetryWaitMs: 15_000 };

const cache = new Map<string, { at: number; verdict: Promise<Verdict> }>();

/**
 * `GET {path}` for an editor dropdown, through the one transport (paced to the endpoint's
 * limit), reused for EDITOR_CACHE_MS per API key, base URL and path. Sonoran's refusal is thrown as a
 * readable error, which the editor shows in the dropdown.
 */
export async function editorGet(
	ctx: ILoadOptionsFunctions,
	endpoint: Endpoint,
	params: Record<string, string | number> = {},
): Promise<unknown> {
	const connection = await openConnection(ctx, EDITOR_POLICY);
	const verdict = await cachedGet(ctx, connection, endpoint, params);
	if (!verdict.ok) throw failureToError(ctx.getNode(), verdict.failure, 0);
	return verdict.json;
}

/**
 * `GET {path}` read once per EDITOR_CACHE_MS per API key, base URL and path, by the editor and by
 * executions alike (a list that changes rarely, such as the permission catalog, checked before
 * sending). Only answers that Sonoran accepted are kept: the next read after a failure asks again.
 */
export async function cachedGet(
	ctx: SonoranContext,
	connection: SonoranConnection,
	endpoint: Endpoint,
	params: Record<string, string | number> = {},
): Promise<Verdict> {
	const now = Date.now();
	// Per key and base URL (v2 sends no community ID): a credential with a wrong key must not be
	// shown what a right one read, and one key written under two community IDs reads once.
	const key = `${connection.paceKey}|${pathOf(endpoint, params)}`;
	const cached = cache.get(key);
	if (cached && now - cached.at < EDITOR_CACHE_MS) return await cached.verdict;
	const verdict = (async () =>
		judge(endpoint, await requestV2(ctx, connection, endpoint, { params })))();
	cache.set(key, { at: now, verdict });
	const settled = await verdict.catch((error: unknown) => {
		cache.delete(key);
		throw error;
	});
	if (!settled.ok && cache.get(key)?.verdict === verdict) cache.delete(key);
	return settled;
}

/** A list search's answer: the entries whose name contains what the user typed (any case). */
export function listMatching(
	entries: INodeListSearchItems[],
	filter?: string,
): INodeListSearchResult {
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: entries.filter((entry) => !wanted || entry.name.toLowerCase().includes(wanted)),
	};
}
