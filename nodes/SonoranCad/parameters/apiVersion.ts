import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export type ApiVersion = 'v1' | 'v2';

/** The switch between Sonoran's two APIs, for operations that exist in both. */
export const apiVersionProperty: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'V1 (Legacy)',
			value: 'v1',
			description: 'Community ID and key in the request; units named by API ID',
		},
		{
			name: 'V2',
			value: 'v2',
			description: 'API key as a Bearer token; documented per-endpoint rate limits',
		},
	],
	default: 'v1',
	description: "Which of Sonoran's APIs to call. Both answer the same; v2 is the current one.",
};

export function readApiVersion(ctx: IExecuteFunctions): ApiVersion {
	return ctx.getNodeParameter('apiVersion', 0, 'v1') === 'v2' ? 'v2' : 'v1';
}
