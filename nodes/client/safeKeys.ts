/**
 * Names that reach an object's prototype when data uses them as keys (`obj[name] = …`), and that
 * n8n drops from the bodies it sends. Names that come from data are checked against them before
 * they become object paths or are copied.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(name: string): boolean {
	return PROTOTYPE_KEYS.has(name);
}

/** The path (`a.b.__proto__`) of the first such name anywhere in `value`, or undefined. */
export function prototypeKeyIn(value: unknown, path: string[] = []): string | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	for (const [name, inner] of Object.entries(value)) {
		const at = [...path, name];
		if (isPrototypeKey(name)) return at.join('.');
		const found = prototypeKeyIn(inner, at);
		if (found !== undefined) return found;
	}
	return undefined;
}

/** A copy of JSON data without those names at any depth: what n8n would keep of it anyway. */
export function withoutPrototypeKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutPrototypeKeys);
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [name, inner] of Object.entries(value)) {
		if (!isPrototypeKey(name)) copy[name] = withoutPrototypeKeys(inner);
	}
	return copy;
}
