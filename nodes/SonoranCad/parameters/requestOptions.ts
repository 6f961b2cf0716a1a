import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_POLICY, type RequestPolicy } from '../../client/requestPolicy';
import { asWholeNumber } from '../../client/wholeNumber';

/** The Options entries that set the policy, for any operation's Options collection. */
export const requestPolicyOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		default: 2,
		typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 0 },
		description:
			"How often to retry a request that failed on Sonoran's side (5xx), that timed out or that lost its connection. A rate-limited request (429) is waited out instead, within Max Retry Wait. Refusals such as a wrong API key are never retried.",
	},
	{
		displayName: 'Max Retry Wait (Ms)',
		name: 'maxRetryWaitMs',
		type: 'number',
		default: 300000,
		typeOptions: { minValue: 0, maxValue: 3600000, numberPrecision: 0 },
		description:
			'The most time to spend waiting to retry one request. A rate-limited request (429) is retried, as Sonoran asks (Retry-After), for as long as its waits stay within this; only then does it fail.',
	},
	{
		displayName: 'Request Interval (Ms)',
		name: 'intervalMs',
		type: 'number',
		default: 1000,
		typeOptions: { minValue: 0, maxValue: 600000, numberPrecision: 0 },
		description:
			'Wait at least this long between requests to Sonoran with the same community, after a short burst. For the v1 API it replaces the pace (when not set: 1 second, as Sonoran asks); a v2 endpoint keeps its documented limit unless this is slower. 0 turns pacing off, for limits that Sonoran raised for the community.',
	},
	{
		displayName: 'Retry Delay (Ms)',
		name: 'retryDelayMs',
		type: 'number',
		default: 1000,
		typeOptions: { minValue: 0, maxValue: 300000, numberPrecision: 0 },
		description:
			'The wait before the first retry; it doubles on each further retry, with some randomness. A Retry-After from Sonoran takes precedence.',
	},
	{
		displayName: 'Timeout (Ms)',
		name: 'timeoutMs',
		type: 'number',
		default: 30000,
		typeOptions: { minValue: 1, maxValue: 600000, numberPrecision: 0 },
		description:
			'How long to wait for Sonoran to answer one request. A request that timed out may still have been applied.',
	},
];

/**
 * The Options that set the policy. Each is checked against the bounds its field shows (an
 * expression can give anything): a bad value stops the run with an error naming the option,
 * never a loop, a silent zero or an unbounded wait.
 */
export function readRequestPolicy(ctx: IExecuteFunctions): RequestPolicy {
	const policy: RequestPolicy = { ...DEFAULT_POLICY };
	for (const option of requestPolicyOptions) {
		const name = option.name as keyof RequestPolicy;
		const value = ctx.getNodeParameter(`options.${name}`, 0, null);
		if (value === null || value === undefined || value === '') continue;
		policy[name] = readBoundedOption(ctx, option, value);
	}
	return policy;
}

/** A number Option within its field's bounds (numeric text from an expression is accepted). */
export function readBoundedOption(
	ctx: IExecuteFunctions,
	option: INodeProperties,
	value: unknown,
): number {
	const min = Number(option.typeOptions?.minValue ?? 0);
	const max = Number(option.typeOptions?.maxValue ?? Number.MAX_SAFE_INTEGER);
	const number = asWholeNumber(value);
	if (number !== undefined && number >= min && number <= max) return number;
	const shown =
		typeof value === 'string' || typeof value === 'number' ? `"${value}"` : typeof value;
	throw new NodeOperationError(
		ctx.getNode(),
		`The option "${option.displayName}" must be a whole number from ${min} to ${max}, not ${shown}`,
		{ description: `Set "${option.displayName}" in the node's Options to a number in that range.` },
	);
}

/** An operation's Options collection: its own options, then pacing, retries and timeout. */
export function optionsCollection(own: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...own, ...requestPolicyOptions],
	};
}
