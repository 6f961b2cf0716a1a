import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { findAccountUuid } from '../../../client/accounts';
import { isObject, judge, unexpectedAnswer } from '../../../client/answers';
import { GET_ACCOUNT_UNITS_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { statusName } from '../../../client/unitStatus';
import { listingOperation } from '../../kinds/listing';
import { accountTarget } from '../../parameters/accountTarget';
import { optionsCollection } from '../../parameters/requestOptions';
import { PAGE_SIZE } from '../../parameters/returnAll';
import { readServerId, serverIdProperty } from '../../parameters/server';
import { optionSwitch } from '../../parameters/validate';

const whose = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose units to get',
);

interface Query {
	serverId: number;
	target: IDataObject;
	onlyOnline: boolean;
	onlyUnits: boolean;
}

function readQuery(ctx: IExecuteFunctions, itemIndex: number): Query {
	const option = optionSwitch(ctx, itemIndex);
	return {
		serverId: readServerId(ctx, itemIndex),
		target: whose.read(ctx, itemIndex),
		onlyOnline: option('onlyOnline', 'Only Online', true),
		onlyUnits: option('onlyUnits', 'Only Units', true),
	};
}

/** `GET …/servers/{id}/accounts/{uuid}/units`: one output item per unit of the account (10 a minute). */
export const getAccountUnits = listingOperation<Query>({
	option: {
		name: 'Get Account Units',
		value: 'getAccountUnits',
		action: "List a member's units on a server",
		description:
			'Whether a member is on duty: their units on a server, one output item per unit (none when off duty). 10 requests a minute, where Get Active Units allows 3.',
	},
	properties: [
		serverIdProperty,
		...whose.properties,
		optionsCollection([
			{
				displayName: 'Only Online',
				name: 'onlyOnline',
				type: 'boolean',
				default: true,
				description: 'Whether to leave out identifiers that are not logged in',
			},
			{
				displayName: 'Only Units',
				name: 'onlyUnits',
				type: 'boolean',
				default: true,
				description: 'Whether to leave out dispatcher identifiers',
			},
		]),
	],
	read: readQuery,
	fetch: async (ctx, connection, { serverId, target, onlyOnline, onlyUnits }) => {
		const account = await findAccountUuid(ctx, connection, target);
		if ('failure' in account) return account.failure;
		const verdict = judge(
			GET_ACCOUNT_UNITS_V2,
			await requestV2(ctx, connection, GET_ACCOUNT_UNITS_V2, {
				params: { serverId, accountUuid: account.uuid },
				qs: { onlyOnline, onlyUnits, limit: PAGE_SIZE, offset: 0 },
			}),
		);
		if (!verdict.ok) return verdict.failure;
		const json = isObject(verdict.json) ? verdict.json : {};
		const units = json.Units ?? json.units;
		if (!Array.isArray(units)) {
			return unexpectedAnswer(GET_ACCOUNT_UNITS_V2, 'a list of units', verdict.answer);
		}
		return units.filter(isObject).map((unit) => {
			const data = isObject(unit.data) ? unit.data : {};
			const status = typeof unit.status === 'number' ? unit.status : undefined;
			return {
				serverId,
				accountUuid: account.uuid,
				identId: unit.id,
				unitNum: data.unitNum,
				name: data.name,
				...(status === undefined ? {} : { status, statusName: statusName(status) }),
				unit,
			};
		});
	},
});
