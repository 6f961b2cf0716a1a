import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MODIFY_ACCOUNT_PERMISSIONS_V2 } from '../../../client/endpoints';
import { perItemOperation } from '../../kinds/perItem';
import { accountTarget } from '../../parameters/accountTarget';
import { choiceIn, valueChecker, type Check } from '../../parameters/validate';

const whose = accountTarget(
	['communityUserId', 'discord', 'roblox', 'accountUuid', 'username'],
	'whose permissions change',
);

/** Legacy permission flags, upper-case as Sonoran names them (POLICE, DISPATCH…). */
const FLAG = /^[A-Z][A-Z0-9_]*$/;

/** Flags as a list or text separated by commas, upper-cased; empty when none. */
const flagList: Check<string[]> = (value, reject) => {
	if (value === undefined || value === null || value === '') return [];
	const entries = Array.isArray(value) ? value : String(value).split(',');
	return entries
		.map((entry) => (typeof entry === 'string' ? entry.trim().toUpperCase() : entry))
		.filter((entry) => entry !== '')
		.map((entry) =>
			typeof entry === 'string' && FLAG.test(entry)
				? entry
				: reject(`holds ${JSON.stringify(entry)}, which is not a permission flag such as POLICE`),
		);
};

const ACTIVE = { unchanged: undefined, active: true, pending: false } as const;

function readChange(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const check = valueChecker(ctx, itemIndex);
	const fix = 'Give flags such as POLICE, DISPATCH, as a list or separated by commas.';
	const add = check(ctx.getNodeParameter('add', itemIndex, ''), 'Add', flagList, fix);
	const remove = check(ctx.getNodeParameter('remove', itemIndex, ''), 'Remove', flagList, fix);
	const active =
		ACTIVE[
			check(
				ctx.getNodeParameter('active', itemIndex, 'unchanged'),
				'Membership',
				choiceIn(ACTIVE),
				'Pick Unchanged, Active or Pending.',
			)
		];
	if (!add.length && !remove.length && active === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: nothing to change`, {
			itemIndex,
			description: 'Give flags to add or remove, or set Membership to Active or Pending.',
		});
	}
	return {
		...(add.length ? { add } : {}),
		...(remove.length ? { remove } : {}),
		...(active === undefined ? {} : { active }),
	};
}

export const modifyPermissions = perItemOperation({
	option: {
		name: 'Modify Permissions',
		value: 'modifyPermissions',
		action: "Add or remove a member's permission flags",
		description:
			"Add or remove legacy permission flags (POLICE, DISPATCH…) and set the membership active or pending, leaving the account's other permissions as they are; one account per input item",
	},
	properties: [
		...whose.properties,
		{
			displayName: 'Add',
			name: 'add',
			type: 'string',
			default: '',
			placeholder: 'e.g. POLICE, DISPATCH',
			description:
				'Legacy permission flags to give, separated by commas (or a list from an expression)',
		},
		{
			displayName: 'Remove',
			name: 'remove',
			type: 'string',
			default: '',
			placeholder: 'e.g. CIVILIAN',
			description:
				'Legacy permission flags to take away, separated by commas (or a list from an expression)',
		},
		{
			displayName: 'Membership',
			name: 'active',
			type: 'options',
			options: [
				{ name: 'Unchanged', value: 'unchanged' },
				{ name: 'Active', value: 'active', description: 'The member can use the CAD' },
				{ name: 'Pending', value: 'pending', description: 'The member waits for approval' },
			],
			default: 'unchanged',
			description: 'Whether to set the membership active or pending',
		},
	],
	endpoint: MODIFY_ACCOUNT_PERMISSIONS_V2,
	read: (ctx, itemIndex) => {
		const account = whose.read(ctx, itemIndex);
		return { call: { body: { ...account, ...readChange(ctx, itemIndex) } }, echo: { ...account } };
	},
	shape: (answer) => answer,
});
