import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	choiceIn,
	identifierList,
	parameterReader,
	text,
	wholeNumberList,
	type Check,
} from './validate';

/** How Attach Units, Detach Units, Set Status and Set Panic name units (Sonoran's "identifier targets" or a group). */
export type UnitsBy = 'communityUserIds' | 'identIds' | 'accountUuid' | 'groupName';

const UNITS_BY: Record<
	UnitsBy,
	{ label: string; description: string; check: Check<unknown>; fix: string }
> = {
	communityUserIds: {
		label: 'Community User IDs',
		description: 'The IDs players linked with /link; their active units',
		check: identifierList,
		fix: 'Give one or more community user IDs (linked with /link), as a list or separated by commas.',
	},
	identIds: {
		label: 'Unit IDs',
		description: 'Unit (identifier) IDs, as Get Active Units and trigger events give them',
		check: wholeNumberList,
		fix: 'Give one or more unit (identifier) IDs as numbers, such as the "id" of Get Active Units or the "identIds" of a trigger event.',
	},
	accountUuid: {
		label: 'Account UUID',
		description: 'A Sonoran account; every active unit (identifier) of the account',
		check: text,
		fix: "Give the Sonoran account's UUID; all of its active units (identifiers) are changed.",
	},
	groupName: {
		label: 'Group Name',
		description: 'Every unit of a unit group',
		check: text,
		fix: 'Give the name of a unit group in the CAD.',
	},
};

/** "Units By" and "Units", offering the ways an endpoint takes (all four by default). */
export function unitTargetProperties(
	kinds: UnitsBy[] = ['communityUserIds', 'identIds', 'accountUuid', 'groupName'],
): INodeProperties[] {
	return [
		{
			displayName: 'Units By',
			name: 'unitsBy',
			type: 'options',
			noDataExpression: true,
			options: kinds.map((kind) => ({
				name: UNITS_BY[kind].label,
				value: kind,
				description: UNITS_BY[kind].description,
			})),
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
			description: `The units, as the option above names them: one or more IDs separated by commas (or a list from an expression)${kinds.includes('accountUuid') ? ', one account UUID' : ''}${kinds.includes('groupName') ? ', or one group name' : ''}`,
		},
	];
}

/** The body fields that name an item's units. */
export function readUnitTargets(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const { unitsBy, units } = readUnits(ctx, itemIndex);
	return { [unitsBy]: units as IDataObject[string] };
}

/** How an item names its units, and the IDs (a list) or the one account UUID or group name. */
export function readUnits(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { unitsBy: UnitsBy; units: string | string[] | number[] } {
	const read = parameterReader(ctx, itemIndex);
	const unitsBy = read(
		'unitsBy',
		'Units By',
		choiceIn(UNITS_BY),
		'Pick from the list how the items name the units.',
	);
	const { label, check, fix } = UNITS_BY[unitsBy];
	const units = read('units', label, check, fix);
	return { unitsBy, units: units as string | string[] | number[] };
}
