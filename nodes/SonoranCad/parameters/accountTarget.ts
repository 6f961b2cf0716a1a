import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { choiceIn, identifier, parameterReader, wholeNumber, type Check } from './validate';

/** The ways Sonoran's v2 API names a player's account. */
export type AccountField =
	| 'communityUserId'
	| 'apiId'
	| 'discord'
	| 'roblox'
	| 'accountUuid'
	| 'username';

const FIELDS: Record<
	AccountField,
	{ name: string; description: string; check: Check<string | number>; fix: string }
> = {
	communityUserId: {
		name: 'Community User ID',
		description: 'The in-game ID linked to the account with a link code',
		check: identifier,
		fix: 'Give the community user ID (the in-game ID linked with a link code), as text.',
	},
	apiId: {
		name: 'API ID',
		description:
			"One of the player's unit identifiers in Sonoran CAD, typically their Steam hex or FiveM license",
		check: identifier,
		fix: "Give one of the player's API IDs, such as steam:110000112345678.",
	},
	discord: {
		name: 'Discord User ID',
		description: "The player's Discord user ID, linked to their Sonoran account",
		check: identifier,
		fix: "Give the player's Discord user ID as text (in quotes): long IDs lose digits as numbers.",
	},
	roblox: {
		name: 'Roblox User ID',
		description: "The player's numeric Roblox user ID, linked to their Sonoran account",
		check: wholeNumber,
		fix: "Give the player's numeric Roblox user ID.",
	},
	accountUuid: {
		name: 'Account UUID',
		description: "The Sonoran account's UUID, as Get Account and the trigger events give it",
		check: identifier,
		fix: "Give the Sonoran account's UUID.",
	},
	username: {
		name: 'Username',
		description: 'The Sonoran CAD username',
		check: identifier,
		fix: 'Give the Sonoran CAD username.',
	},
};

/**
 * "Account By" and "Account": which kind of ID names the account, and the ID itself. The
 * community user ID, Sonoran's default target, comes first and is the default.
 */
function accountTargetProperties(
	fields: ['communityUserId', ...AccountField[]],
	purpose: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Account By',
			name: 'accountBy',
			type: 'options',
			noDataExpression: true,
			options: fields.map((field) => ({
				name: FIELDS[field].name,
				value: field,
				description: FIELDS[field].description,
			})),
			default: 'communityUserId',
			description: `How the input items name the account ${purpose}`,
		},
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 123456789012345678',
			description: 'The ID of the kind chosen in Account By, usually from the incoming item',
		},
	];
}

/**
 * An operation's account parameters, offering `fields` (as its Sonoran page allows), and how an
 * item's are read: the query or body fields that name the account, such as `{ discord: "1234…" }`.
 */
export function accountTarget(fields: ['communityUserId', ...AccountField[]], purpose: string) {
	return {
		properties: accountTargetProperties(fields, purpose),
		read: (ctx: IExecuteFunctions, itemIndex: number) => readAccountTarget(ctx, itemIndex, fields),
	};
}

/** An item's account, by one of the operation's `fields`; any other choice is the item's error. */
function readAccountTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: readonly AccountField[],
): IDataObject {
	const field = parameterReader(ctx, itemIndex)(
		'accountBy',
		'Account By',
		choiceIn(fields),
		'Pick from the list how the items name the account.',
	);
	const { name, check, fix } = FIELDS[field];
	return { [field]: parameterReader(ctx, itemIndex)('account', name, check, fix) };
}
