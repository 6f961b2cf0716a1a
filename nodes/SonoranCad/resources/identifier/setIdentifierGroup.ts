import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { SET_IDENTIFIER_GROUP_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { readServerId, serverIdProperty } from '../../parameters/server';
import {
	choiceIn,
	identifier,
	identifierList,
	parameterReader,
	routeKey,
	wholeNumber,
	wholeNumberList,
	type Check,
} from '../../parameters/validate';

/** How the page names the identifiers to group, and how each is read. */
const MEMBERS_BY: Record<string, { name: string; check: Check<unknown> }> = {
	communityUserIds: { name: 'Community User IDs', check: identifierList },
	discord: { name: 'Discord User ID', check: identifier },
	roblox: { name: 'Roblox User ID', check: wholeNumber },
	accountUuid: { name: 'Account UUID', check: identifier },
	identIds: { name: 'Identifier IDs', check: wholeNumberList },
};

function readMembers(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const read = parameterReader(ctx, itemIndex);
	const by = read('membersBy', 'Members By', choiceIn(MEMBERS_BY), 'Pick from the list.');
	const { name, check } = MEMBERS_BY[by];
	return { [by]: read('members', name, check, `Give the ${name}.`) as IDataObject[string] };
}

export const setIdentifierGroup = perItemOperation({
	option: {
		name: 'Set Identifier Group',
		value: 'setIdentifierGroup',
		action: 'Put units into a unit group',
		description:
			'Assign identifiers to a named group on a server (a car, a squad), by community user IDs, Discord, Roblox, account UUID or identifier IDs; one group per input item',
	},
	properties: [
		serverIdProperty,
		{
			displayName: 'Group Name',
			name: 'groupName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. CAR-51',
			description: 'The group to put the identifiers in',
		},
		{
			displayName: 'Members By',
			name: 'membersBy',
			type: 'options',
			noDataExpression: true,
			options: Object.entries(MEMBERS_BY).map(([value, { name }]) => ({ name, value })),
			default: 'communityUserIds',
			description: 'How the input items name the identifiers to put in the group',
		},
		{
			displayName: 'Members',
			name: 'members',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. player-1234, player-5678',
			description:
				"The identifiers, as Members By names them: IDs separated by commas (or a list from an expression); one Discord, Roblox or account UUID names that account's selected identifier",
		},
	],
	endpoint: SET_IDENTIFIER_GROUP_V2,
	read: (ctx, itemIndex) => {
		const serverId = readServerId(ctx, itemIndex);
		const groupName = parameterReader(ctx, itemIndex)(
			'groupName',
			'Group Name',
			routeKey,
			'Give the group name, such as CAR-51.',
		);
		const members = readMembers(ctx, itemIndex);
		return {
			call: { params: { serverId, groupName }, body: members },
			echo: { serverId, groupName, ...members },
		};
	},
	shape: (answer) => ({ grouped: answer.ok !== false }),
});
