import type { IDataObject } from 'n8n-workflow';

import { findAccountUuid } from '../../../client/accounts';
import { isObject, judge, unexpectedAnswer } from '../../../client/answers';
import { GET_IDENTIFIERS_V2 } from '../../../client/endpoints';
import { requestV2 } from '../../../client/transport';
import { statusName } from '../../../client/unitStatus';
import { listingOperation } from '../../kinds/listing';
import { optionsCollection } from '../../parameters/requestOptions';
import { identifierAccount } from './identifierFields';

/** An identifier as an item: its ID, fields and status on top, and whether it is the selected one. */
export function identifierItem(identifier: IDataObject, selected?: unknown): IDataObject {
	const data = isObject(identifier.data) ? identifier.data : {};
	const status = typeof identifier.status === 'number' ? identifier.status : undefined;
	return {
		identId: identifier.id,
		accountUuid: identifier.accId,
		unitNum: data.unitNum,
		name: data.name,
		department: data.department,
		subdivision: data.subdivision,
		rank: data.rank,
		group: data.group,
		...(status === undefined ? {} : { status, statusName: statusName(status) }),
		...(selected === undefined ? {} : { selected: identifier.id === selected }),
		identifier,
	};
}

/** `GET …/emergency/accounts/{uuid}/identifiers`: one output item per identifier of the account. */
export const getIdentifiers = listingOperation<IDataObject>({
	option: {
		name: 'Get Identifiers',
		value: 'getIdentifiers',
		action: "List a member's identifiers (callsigns)",
		description:
			"An account's unit identifiers (callsigns), one output item each with its unit number, name, department, status, and whether it is the selected one",
	},
	properties: [...identifierAccount.properties, optionsCollection()],
	read: identifierAccount.read,
	fetch: async (ctx, connection, target) => {
		const account = await findAccountUuid(ctx, connection, target);
		if ('failure' in account) return account.failure;
		const verdict = judge(
			GET_IDENTIFIERS_V2,
			await requestV2(ctx, connection, GET_IDENTIFIERS_V2, {
				params: { accountUuid: account.uuid },
			}),
		);
		if (!verdict.ok) return verdict.failure;
		const json = isObject(verdict.json) ? verdict.json : {};
		const list = json.Identifiers ?? json.identifiers;
		if (!Array.isArray(list)) {
			return unexpectedAnswer(GET_IDENTIFIERS_V2, 'a list of identifiers', verdict.answer);
		}
		const selected = json.SelectedIdent ?? json.selectedIdent ?? null;
		return list.filter(isObject).map((identifier) => identifierItem(identifier, selected));
	},
});
