import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isObject, judge, type SonoranFailure, unexpectedAnswer } from '../../../client/answers';
import type { SonoranConnection } from '../../../client/connection';
import { GET_ACCOUNTS_V2 } from '../../../client/endpoints';
import { optionsCollection } from '../../parameters/requestOptions';
import { requestV2 } from '../../../client/transport';
import { listingOperation } from '../../kinds/listing';
import { PAGE_SIZE, readLimit, returnAllProperties } from '../../parameters/returnAll';
import {
	optionalText,
	parameterReader,
	valueChecker,
	wholeNumber,
} from '../../parameters/validate';

interface AccountQuery {
	/** Most accounts to return; undefined returns all. */
	limit?: number;
	status: number;
	username?: string;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number): AccountQuery {
	const read = parameterReader(ctx, itemIndex);
	return {
		limit: readLimit(ctx, itemIndex, 'accounts'),
		status: read(
			'accountStatus',
			'Account Status',
			wholeNumber,
			'Pick an account status from the list.',
		),
		username: valueChecker(ctx, itemIndex)(
			ctx.getNodeParameter('filters.username', itemIndex, ''),
			'Username',
			optionalText,
			'Set "Username" to part of a username, or remove the filter.',
		),
	};
}

/** Pages through `GET /v2/general/accounts` (10 a minute per key) until the limit or the end. */
async function fetchAccounts(
	ctx: IExecuteFunctions,
	connection: SonoranConnection,
	query: AccountQuery,
): Promise<IDataObject[] | SonoranFailure> {
	const accounts: IDataObject[] = [];
	for (let offset = 0; ; ) {
		const wanted = query.limit === undefined ? PAGE_SIZE : query.limit - accounts.length;
		if (wanted <= 0) return accounts;
		const limit = Math.min(PAGE_SIZE, wanted);
		const verdict = judge(
			GET_ACCOUNTS_V2,
			await requestV2(ctx, connection, GET_ACCOUNTS_V2, {
				qs: {
					limit,
					offset,
					status: query.status,
					...(query.username ? { username: query.username } : {}),
				},
			}),
		);
		if (!verdict.ok) return verdict.failure;
		const page = isObject(verdict.json) ? verdict.json.accounts : undefined;
		if (!Array.isArray(page)) {
			return unexpectedAnswer(GET_ACCOUNTS_V2, 'a list of accounts', verdict.answer);
		}
		accounts.push(...(page as IDataObject[]));
		offset += page.length;
		const pagination = isObject(verdict.json) ? verdict.json.pagination : undefined;
		const total = isObject(pagination) ? Number(pagination.total) : NaN;
		// A short page ends the list only when Sonoran does not say how long it is.
		const ended = Number.isFinite(total) ? offset >= total : page.length < limit;
		if (page.length === 0 || ended) return accounts;
	}
}

export const getMany = listingOperation<AccountQuery>({
	option: {
		name: 'Get Accounts',
		value: 'getMany',
		action: "List the community's accounts",
		description:
			"List the community's accounts, optionally filtered by username, one output item per account (plan PLUS or higher assumed)",
	},
	simplified: ['accountUuid', 'uuid', 'username', 'communityUserId', 'discord', 'roblox', 'status'],
	properties: [
		...returnAllProperties,
		{
			displayName: 'Account Status',
			name: 'accountStatus',
			type: 'options',
			options: [
				{ name: 'Pending', value: 0 },
				{ name: 'Validated', value: 1 },
				{ name: 'Expired', value: 2 },
				{ name: 'Removed', value: 3 },
				{ name: 'Banned', value: 4 },
			],
			default: 1,
			description: "Which accounts to list; Validated accounts are the community's members",
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Username',
					name: 'username',
					type: 'string',
					default: '',
					description: 'Only accounts whose username contains this text (not case-sensitive)',
				},
			],
		},
		optionsCollection(),
	],
	read: readQuery,
	fetch: fetchAccounts,
});
