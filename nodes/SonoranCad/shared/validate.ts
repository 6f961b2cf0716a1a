import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Throws the error for a bad value: `problem` completes "<field> …", `fix` overrides the field's fix. */
export type Reject = (problem: string, fix?: string) => never;

/** Checks one parameter value and returns it in the form the API takes. */
export type Check<T> = (value: unknown, reject: Reject) => T;

/**
 * Reads an item's parameters through checks, before anything is sent. Each error names the item
 * (1-based, as n8n shows items) and the parameter, and says what to fix.
 */
export function parameterReader(ctx: IExecuteFunctions, itemIndex: number) {
	return <T>(parameter: string, label: string, check: Check<T>, fix: string): T =>
		check(ctx.getNodeParameter(parameter, itemIndex), (problem, ownFix) => {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "${label}" ${problem}`, {
				itemIndex,
				description: ownFix ?? fix,
			});
		});
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A non-empty identifier such as an API ID: text, or an exact whole number; trimmed. */
export const identifier: Check<string> = (value, reject) => {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return reject('is empty');
	}
	if (typeof value === 'number') {
		if (Number.isSafeInteger(value)) return String(value);
		return reject(
			`is the number ${value}, which is not exact`,
			'Long IDs such as Discord IDs lose digits when sent as JSON numbers. Send the ID as a string (in quotes) from the source of the item.',
		);
	}
	if (typeof value !== 'string') return reject(`is ${describeValue(value)}, not text`);
	return value.trim();
};

/** Non-empty text; numbers and booleans become text. */
export const text: Check<string> = (value, reject) => {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value === undefined || value === null) return reject('is empty');
	if (typeof value !== 'string') return reject(`is ${describeValue(value)}, not text`);
	if (value.trim() === '') return reject('is empty');
	return value.trim();
};

/** A whole number ≥ 0; numeric text such as "2" is accepted, since webhooks often send text. */
export const wholeNumber: Check<number> = (value, reject) => {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
	const shown =
		typeof value === 'string' || typeof value === 'number' ? `"${value}"` : describeValue(value);
	return reject(`must be a whole number of 0 or more, not ${shown}`);
};
