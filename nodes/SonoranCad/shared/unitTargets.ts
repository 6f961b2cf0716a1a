import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	identifierList,
	parameterReader,
	text,
	wholeNumberList,
	type Check,
} from '../../shared/validate';

/** How Attach Units and Detach Units name units (Sonoran's "identifier targets" or a group). */
type UnitsBy = 'communityUserIds' | 'identIds' | 'accountUuid' | 'groupName';

const UNITS_BY: Record<UnitsBy, { label: string; check: Check<unknown>; fix: string }> = {
	communityUserIds: {
		label: 'Community User IDs',
		check: identifierList,
		fix: 'Give one or more community user IDs (linked with /link), as a list or separated by commas.',
	},
	identIds: {
		label: 'Unit IDs',
		check: wholeNumberList,
		fix: 'Give one or more unit (identifier) IDs as numbers, such as the "id" of Get Active Units or the "identIds" of a trigger event.',
	},
	accountUuid: {
		label: 'Account UUID',
		check: text,
		fix: "Give the Sonoran account's UUID; its selected unit is used.",
	},
	groupName: {
		label: 'Group Name',
		check: text,
		fix: 'Give the name of a unit group in the CAD.',
	},
};

export const unitTargetProperties: INodeProperties[] = [
	{
		displayName: 'Units By',
		name: 'unitsBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Community User IDs',
				value: 'communityUserIds',
				description: 'The IDs players linked with /link; their active units',
			},
			{
				name: 'Unit IDs',
				value: 'identIds',
				description: 'Unit (identifier) IDs, as Get Active Units and trigger events give them',
			},
			{
				name: 'Account UUID',
				value: 'accountUuid',
				description: 'A Sonoran account; its selected unit',
			},
			{ name: 'Group Name', value: 'groupName', description: 'Every unit of a unit group' },
		],
		default: 'communityUserIds',
		description: 'How the input items name the units',
	},
	{
		displayName: 'Units',
		name: 'units',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. player-1234, player-5678',
		description:
			'The units, as the option above names them: one or more IDs separated by commas (or a list from an expression), one account UUID, or one group name',
	},
];

/** The body fields that name an item's units. */
export function readUnitTargets(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const unitsBy = ctx.getNodeParameter('unitsBy', itemIndex) as UnitsBy;
	const { label, check, fix } = UNITS_BY[unitsBy];
	const value = parameterReader(ctx, itemIndex)('units', label, check, fix);
	return { [unitsBy]: value as IDataObject[string] };
}
