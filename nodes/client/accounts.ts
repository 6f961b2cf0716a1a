import type { IDataObject } from 'n8n-workflow';

import { isObject, judge, unexpectedAnswer, type SonoranFailure } from './answers';
import type { SonoranConnection, SonoranContext } from './connection';
import { GET_ACCOUNT_V2 } from './endpoints';
import { requestV2 } from './transport';

/**
 * The UUID of the account an item names (`{discord: "…"}`, `{accountUuid: "…"}`, …), for routes
 * that take only a UUID: given, or found with Get Account (one request, 10 a minute).
 */
export async function findAccountUuid(
	ctx: SonoranContext,
	connection: SonoranConnection,
	target: IDataObject,
): Promise<{ uuid: string } | { failure: SonoranFailure }> {
	if (typeof target.accountUuid === 'string') return { uuid: target.accountUuid };
	const verdict = judge(
		GET_ACCOUNT_V2,
		await requestV2(ctx, connection, GET_ACCOUNT_V2, { qs: target }),
	);
	if (!verdict.ok) return verdict;
	const uuid = isObject(verdict.json) ? (verdict.json.uuid ?? verdict.json.accountUuid) : undefined;
	return typeof uuid === 'string'
		? { uuid }
		: { failure: unexpectedAnswer(GET_ACCOUNT_V2, 'an account UUID', verdict.answer) };
}
