import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRouteSegment } from '../../client/endpoints';
import { prototypeKeyIn } from '../../client/safeKeys';
import { asWholeNumber } from '../../client/wholeNumber';

/** Throws the error for a bad value: `problem` completes "<field> …", `fix` overrides the field's fix. */
export type Reject = (problem: string, fix?: string) => never;

/** Checks one parameter value and returns it in the form the API takes. */
export type Check<T> = (value: unknown, reject: Reject) => T;

/**
 * Checks values of one item before anything is sent. Each error names the item (1-based, as n8n
 * shows items) and the field, and says what to fix.
 */
export function valueChecker(ctx: IExecuteFunctions, itemIndex: number) {
	return <T>(value: unknown, label: string, check: Check<T>, fix: string): T =>
		check(value, (problem, ownFix) => {
			throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "${label}" ${problem}`, {
				itemIndex,
				description: ownFix ?? fix,
			});
		});
}

/** Reads an item's on/off Options (`options.<name>`), checked: text from an expression too. */
export function optionSwitch(ctx: IExecuteFunctions, itemIndex: number) {
	const check = valueChecker(ctx, itemIndex);
	return (name: string, label: string, fallback: boolean): boolean =>
		check(
			ctx.getNodeParameter(`options.${name}`, itemIndex, fallback),
			label,
			yesNo,
			`Turn "${label}" on or off.`,
		);
}

/** Reads an item's parameters through checks (see valueChecker). */
export function parameterReader(ctx: IExecuteFunctions, itemIndex: number) {
	const checkValue = valueChecker(ctx, itemIndex);
	return <T>(parameter: string, label: string, check: Check<T>, fix: string): T =>
		checkValue(ctx.getNodeParameter(parameter, itemIndex), label, check, fix);
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

/** An identifier that goes into a route (an event ID): never `.` or `..`, which climb out of it. */
export const routeKey: Check<string> = (value, reject) => {
	const key = identifier(value, reject);
	return isRouteSegment(key) ? key : reject(`is "${key}", which is not an ID`);
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
	const number = asWholeNumber(value);
	if (number !== undefined) return number;
	const shown =
		typeof value === 'string' || typeof value === 'number' ? `"${value}"` : describeValue(value);
	return reject(`must be a whole number of 0 or more, not ${shown}`);
};

/** Any finite number (a map coordinate, an amount); numeric text is accepted, as from a sheet. */
export const finiteNumber: Check<number> = (value, reject) => {
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim()
				? Number(value)
				: NaN;
	if (Number.isFinite(number)) return number;
	const shown =
		typeof value === 'string' || typeof value === 'number' ? `"${value}"` : describeValue(value);
	return reject(`must be a number, not ${shown}`);
};

/** A whole number from 1 to `max`. */
export const upTo =
	(max: number): Check<number> =>
	(value, reject) => {
		const number = wholeNumber(value, reject);
		return number >= 1 && number <= max
			? number
			: reject(`must be from 1 to ${max}, not ${number}`);
	};

/** A whole number of 1 or more (a Limit). */
export const countOfOneOrMore: Check<number> = (value, reject) => {
	const number = wholeNumber(value, reject);
	return number >= 1 ? number : reject('must be 1 or more, not 0');
};

/**
 * One of a parameter's choices: a value of the list, or a key of the table it picks from. An
 * expression can give anything, and a name such as `__proto__` must never pick from a table.
 */
export function choiceIn<T extends string>(
	choices: readonly T[] | Readonly<Record<T, unknown>>,
): Check<T> {
	const allowed: readonly string[] = Array.isArray(choices) ? choices : Object.keys(choices);
	return (value, reject) =>
		typeof value === 'string' && allowed.includes(value)
			? (value as T)
			: reject(
					`is ${typeof value === 'string' ? `"${value.slice(0, 40)}"` : describeValue(value)}, not one of ${allowed.join(', ')}`,
				);
}

/** Any number of a parameter's choices (a multi-select); empty when none is chosen. */
export function choicesIn<T extends string>(choices: readonly T[]): Check<T[]> {
	const one = choiceIn(choices);
	return (value, reject) => {
		if (value === undefined || value === null || value === '') return [];
		return (Array.isArray(value) ? value : [value]).map((choice) => one(choice, reject));
	};
}

/** Optional text: empty becomes undefined; numbers and booleans become text. */
export const optionalText: Check<string | undefined> = (value, reject) =>
	value === undefined || value === null || value === '' ? undefined : text(value, reject);

/** A true/false switch; "true"/"false" text from a webhook is accepted. */
export const yesNo: Check<boolean> = (value, reject) => {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	return reject(`must be true or false, not ${describeValue(value)}`);
};

/** One or more IDs: a list, or text separated by commas; each one non-empty and exact. */
export const identifierList: Check<string[]> = (value, reject) => {
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',').filter((entry) => entry.trim() !== '')
			: [value];
	if (entries.length === 0) return reject('is empty');
	return entries.map((entry) => identifier(entry, reject));
};

/** One or more whole numbers, as a list or as text separated by commas. */
export const wholeNumberList: Check<number[]> = (value, reject) =>
	identifierList(value, reject).map((entry) => wholeNumber(entry, reject));

/**
 * Sonoran's metaData: an object of text values ("string key/value metadata"). Numbers and
 * booleans become text; an object given as JSON text is parsed; empty is undefined.
 */
export const stringMap: Check<Record<string, string> | undefined> = (value, reject) => {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			parsed = JSON.parse(value);
		} catch {
			return reject('is not valid JSON');
		}
	}
	if (parsed === undefined || parsed === null) return undefined;
	if (typeof parsed !== 'object' || Array.isArray(parsed)) {
		return reject(`must be an object of text values, not ${describeValue(parsed)}`);
	}
	refusePrototypeKeys(parsed, reject);
	const entries = Object.entries(parsed as Record<string, unknown>).map(([key, entry]) => {
		if (typeof entry === 'string') return [key, entry];
		if (typeof entry === 'number' || typeof entry === 'boolean') return [key, String(entry)];
		return reject(`has "${key}" as ${describeValue(entry)}; Sonoran takes only text values`);
	});
	return entries.length ? Object.fromEntries(entries) : undefined;
};

/**
 * Refuses an object holding `__proto__`, `constructor` or `prototype` as a name anywhere: such a
 * name can reach an object's prototype, and n8n drops it from request bodies, so what was sent
 * would differ from what was asked.
 */
function refusePrototypeKeys(value: object, reject: Reject): void {
	const path = prototypeKeyIn(value);
	if (path !== undefined) {
		reject(
			`holds the name "${path}"; __proto__, constructor and prototype cannot be names here`,
			'Rename that field: n8n and JavaScript treat these names specially, so Sonoran would not receive it.',
		);
	}
}

/** Bytes of a value as JSON, as Sonoran measures its size caps. */
export function jsonBytes(value: unknown): number {
	return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * A JSON object (given as an object or as JSON text) of at most `maxBytes` as JSON: a panel's
 * definition, state or action result.
 */
export function jsonObject(maxBytes: number): Check<IDataObject> {
	return (value, reject) => {
		let parsed = value;
		if (typeof value === 'string') {
			if (value.trim() === '') return reject('is empty');
			try {
				parsed = JSON.parse(value);
			} catch {
				return reject('is not valid JSON');
			}
		}
		if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
			return reject(`must be a JSON object, not ${describeValue(parsed)}`);
		}
		refusePrototypeKeys(parsed, reject);
		const bytes = jsonBytes(parsed);
		if (bytes > maxBytes) {
			return reject(
				`is ${Math.ceil(bytes / 1024)} KiB as JSON; Sonoran takes at most ${maxBytes / 1024} KiB`,
			);
		}
		return parsed as IDataObject;
	};
}

/** A JSON list of objects (given as a list or as JSON text) of at most `maxBytes` as JSON. */
export function jsonList(maxBytes: number): Check<IDataObject[]> {
	const oneObject = jsonObject(maxBytes);
	return (value, reject) => {
		let parsed = value;
		if (typeof value === 'string') {
			if (value.trim() === '') return [];
			try {
				parsed = JSON.parse(value);
			} catch {
				return reject('is not valid JSON');
			}
		}
		if (parsed === undefined || parsed === null) return [];
		if (!Array.isArray(parsed)) return reject(`must be a JSON list, not ${describeValue(parsed)}`);
		const list = parsed.map((entry) => oneObject(entry, reject));
		if (jsonBytes(list) > maxBytes) {
			return reject(`is over ${maxBytes / 1024} KiB as JSON`);
		}
		return list;
	};
}

/** A key matching `pattern` (Sonoran's panel and instance keys); `rule` says what it must be. */
export function keyMatching(pattern: RegExp, rule: string): Check<string> {
	return (value, reject) => {
		const key = text(value, reject);
		if (!pattern.test(key)) return reject(`is "${key.slice(0, 100)}"; ${rule}`);
		return key;
	};
}
