/** A whole number ≥ 0 from a number or numeric text (webhooks often send text), or undefined. */
export function asWholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0
		? number
		: undefined;
}
