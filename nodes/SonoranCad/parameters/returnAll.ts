import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { countOfOneOrMore, valueChecker, yesNo } from './validate';

/** Sonoran's largest page for the listings that page (accounts, active units). */
export const PAGE_SIZE = 100;

/** n8n's Return All and Limit, for operations that list things. */
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		displayOptions: { show: { returnAll: [false] } },
		description: 'Max number of results to return',
	},
];

/**
 * How many results the item asks for: undefined with Return All; else its Limit, checked (text
 * from an expression such as "false" or "-1" is the item's error, never all or none).
 */
export function readLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
	things: string,
): number | undefined {
	const check = valueChecker(ctx, itemIndex);
	const returnAll = check(
		ctx.getNodeParameter('returnAll', itemIndex, false),
		'Return All',
		yesNo,
		'Turn "Return All" on or off.',
	);
	if (returnAll) return undefined;
	return check(
		ctx.getNodeParameter('limit', itemIndex, 50),
		'Limit',
		countOfOneOrMore,
		`Set "Limit" to how many ${things} to return (1 or more), or turn on "Return All".`,
	);
}
