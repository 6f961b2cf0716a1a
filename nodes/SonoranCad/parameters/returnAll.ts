import type { INodeProperties } from 'n8n-workflow';

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
