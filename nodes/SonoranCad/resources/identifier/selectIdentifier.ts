import { isObject } from '../../../client/answers';
import { SELECT_IDENTIFIER_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { identifierItem } from './getIdentifiers';
import { identIdProperty, identifierAccount, readIdentId } from './identifierFields';

export const selectIdentifier = perItemOperation({
	option: {
		name: 'Select Identifier',
		value: 'selectIdentifier',
		action: "Select a member's active identifier",
		description:
			"Make one of an account's identifiers the selected one (the unit it logs in as); one account per input item",
	},
	properties: [...identifierAccount.properties, identIdProperty],
	endpoint: SELECT_IDENTIFIER_V2,
	read: (ctx, itemIndex) => {
		const account = identifierAccount.read(ctx, itemIndex);
		const identId = readIdentId(ctx, itemIndex);
		return { call: { body: { identId } }, echo: { ...account, identId }, account };
	},
	shape: (answer) => ({
		...(isObject(answer.identifier) ? identifierItem(answer.identifier) : {}),
		selected: true,
		serverId: answer.serverId,
	}),
});
