import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Per-item parameter checks, run before anything is sent. Each error names the item (1-based,
 * as n8n shows items) and the parameter, and says what to fix.
 */
function invalid(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
) {
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "${field}" ${problem}`, {
		itemIndex,
		description: fix,
	});
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A non-empty identifier such as an API ID: a string, or an exact whole number, trimmed. */
export function requireIdentifier(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	fix: string,
): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		throw invalid(ctx, itemIndex, field, 'is empty', fix);
	}
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			throw invalid(
				ctx,
				itemIndex,
				field,
				`is the number ${value}, which is not exact`,
				'Long IDs such as Discord IDs lose digits when sent as JSON numbers. Send the ID as a string (in quotes) from the source of the item.',
			);
		}
		return String(value);
	}
	if (typeof value !== 'string') {
		throw invalid(ctx, itemIndex, field, `is ${describeValue(value)}, not text`, fix);
	}
	return value.trim();
}

/** Non-empty text. */
export function requireText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	fix: string,
): string {
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value !== 'string') {
		throw invalid(
			ctx,
			itemIndex,
			field,
			value === undefined || value === null ? 'is empty' : `is ${describeValue(value)}, not text`,
			fix,
		);
	}
	if (value.trim() === '') throw invalid(ctx, itemIndex, field, 'is empty', fix);
	return value.trim();
}

/** A whole number ≥ 0; numeric text such as "2" is accepted, since webhooks often send text. */
export function requireWholeNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	fix: string,
): number {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
		const shown =
			typeof value === 'string' || typeof value === 'number' ? `"${value}"` : describeValue(value);
		throw invalid(ctx, itemIndex, field, `must be a whole number of 0 or more, not ${shown}`, fix);
	}
	return number;
}
