import { createHash, timingSafeEqual } from 'crypto';

function digest(key: string): Buffer {
	return createHash('sha256').update(key.trim().toLowerCase(), 'utf8').digest();
}

/**
 * Whether a push event carries the community's API key. Compared case-insensitively, as
 * Sonoran's own listeners do, and in constant time: digests of equal length are compared, so
 * neither the content nor the length of the key leaks through timing.
 */
export function carriesKey(provided: unknown, expected: string): boolean {
	if (typeof provided !== 'string' || provided === '' || expected === '') return false;
	return timingSafeEqual(digest(provided), digest(expected));
}
