import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject, judge, unexpectedAnswer, type SonoranFailure } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { findAccountUuid } from '../../../client/accounts';
import { GET_CHARACTERS_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { accountTarget } from '../../parameters/accountTarget';
import { optionsCollection } from '../../parameters/requestOptions';

/** Sonoran reads characters by community user ID, Discord, Roblox or account UUID. */
const DIRECT = ['communityUserId', 'discord', 'roblox', 'accountUuid'];

const whose = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose characters to get',
);

/**
 * The query Get Characters takes for an account: as given, or for a username (which it does not
 * take) the account's UUID, found with Get Account.
 */
async function characterQuery(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	target: IDataObject,
): Promise<{ query: IDataObject } | { failure: SonoranFailure }> {
	if (DIRECT.some((field) => target[field] !== undefined)) return { query: target };
	const account = await findAccountUuid(ctx, connection, target);
	return 'failure' in account ? account : { query: { accountUuid: account.uuid } };
}

/** Lists an account's characters: `GET /v2/civilian/characters` (10 a minute). */
export const getCharacters = listingOperation<IDataObject>({
	option: {
		name: 'Get Characters',
		value: 'getCharacters',
		action: "List a member's characters",
		description:
			"A player's civilian characters, one output item per character with its fields; by username the account is looked up first (Get Account). Create and update characters with Record → Create Record / Update Record and the Character template (plan PLUS or higher assumed).",
	},
	properties: [...whose.properties, optionsCollection()],
	read: whose.read,
	fetch: async (ctx, connection, target) => {
		const account = await characterQuery(ctx, connection, target);
		if ('failure' in account) return account.failure;
		const verdict = judge(
			GET_CHARACTERS_V2,
			await requestV2(ctx, connection, GET_CHARACTERS_V2, { qs: account.query }),
		);
		if (!verdict.ok) return verdict.failure;
		if (!Array.isArray(verdict.json)) {
			return unexpectedAnswer(GET_CHARACTERS_V2, 'a list of characters', verdict.answer);
		}
		return (verdict.json.filter(isObject) as IDataObject[]).map((character) => ({
			characterId: character.id,
			...character,
		}));
	},
});
