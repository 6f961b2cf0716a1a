import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	choiceIn,
	identifier,
	identifierList,
	parameterReader,
	wholeNumber,
	wholeNumberList,
	type Check,
} from '../../parameters/validate';

/** Whom a new dispatch call attaches: Sonoran's target properties for the create routes. */
export type AttachBy = 'communityUserIds' | 'discord' | 'roblox' | 'accounts' | 'identIds';

const ATTACH_BY: Record<AttachBy, { label: string; check: Check<unknown>; fix: string }> = {
	accounts: {
		label: 'Account UUIDs',
		check: identifierList,
		fix: 'Give one or more Sonoran account UUIDs, as a list or separated by commas.',
	},
	communityUserIds: {
		label: 'Community User IDs',
		check: identifierList,
		fix: 'Give one or more community user IDs (linked with /link), as a list or separated by commas.',
	},
	discord: {
		label: 'Discord User ID',
		check: identifier,
		fix: "Give the player's Discord user ID as text (as a number it would lose digits).",
	},
	identIds: {
		label: 'Unit IDs',
		check: wholeNumberList,
		fix: 'Give one or more unit (identifier) IDs of units on duty, as a list or separated by commas.',
	},
	// Sonoran's create pages type it as text.
	roblox: {
		label: 'Roblox User ID',
		check: (value, reject) => String(wholeNumber(value, reject)),
		fix: "Give the player's numeric Roblox user ID.",
	},
};

const NONE = { name: 'None (Unassigned Call)', value: 'none' };

/**
 * "Attach Units By" and "Units": `kinds` as the route takes them, and None where a call may
 * start without units.
 */
export function attachTargetProperties(
	kinds: AttachBy[],
	withNone: boolean,
	unitsDescription: string,
): INodeProperties[] {
	const options = [
		...kinds.map((kind) => ({ name: ATTACH_BY[kind].label, value: kind })),
		...(withNone ? [NONE] : []),
	].sort((a, b) => a.name.localeCompare(b.name));
	const attachBy: INodeProperties = {
		displayName: 'Attach Units By',
		name: 'attachBy',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'none',
		description: "Which units to attach to the new call: the players' active units",
	};
	// A call that must have units starts with the community's usual way to name them.
	if (!withNone) attachBy.default = 'communityUserIds';
	return [
		attachBy,
		{
			displayName: 'Units',
			name: 'attachUnits',
			type: 'string',
			default: '',
			required: true,
			...(withNone ? { displayOptions: { hide: { attachBy: ['none'] } } } : {}),
			description: unitsDescription,
		},
	];
}

/** The body fields naming the item's units to attach (an empty list of community user IDs for None). */
export function readAttachTargets(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kinds: AttachBy[],
	withNone: boolean,
): IDataObject {
	const read = parameterReader(ctx, itemIndex);
	const attachBy = read(
		'attachBy',
		'Attach Units By',
		choiceIn<AttachBy | 'none'>([...kinds, ...(withNone ? (['none'] as const) : [])]),
		`Pick from the list how the items name the units to attach${withNone ? ', or None' : ''}.`,
	);
	if (attachBy === 'none') return { communityUserIds: [] };
	const { label, check, fix } = ATTACH_BY[attachBy];
	return { [attachBy]: read('attachUnits', label, check, fix) as IDataObject[string] };
}
