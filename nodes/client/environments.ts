/** Sonoran CAD API roots. v1 and v2 share a host; v2 lives under `/v2/`. */
export const SONORAN_BASE_URLS = {
	production: 'https://api.sonorancad.com',
	staging: 'https://staging-api.dev.sonorancad.com',
} as const;

export type SonoranEnvironment = keyof typeof SONORAN_BASE_URLS | 'custom';

/**
 * The same choice as `baseUrlFor`, written as an n8n expression over `$credentials`, for the
 * credential's declarative test request (which cannot call code).
 */
export const BASE_URL_EXPRESSION =
	`{{ $credentials.environment === 'custom' ? String($credentials.baseUrl || '').trim().replace(/\\/+$/, '')` +
	` : $credentials.environment === 'staging' ? '${SONORAN_BASE_URLS.staging}' : '${SONORAN_BASE_URLS.production}' }}`;

/**
 * The API root for a credential, or undefined when a custom URL is not an absolute http(s) URL.
 * A trailing slash is dropped so that paths join cleanly.
 */
export function baseUrlFor(environment: unknown, customBaseUrl: unknown): string | undefined {
	if (environment === 'staging') return SONORAN_BASE_URLS.staging;
	if (environment !== 'custom') return SONORAN_BASE_URLS.production;
	const candidate = String(customBaseUrl ?? '')
		.trim()
		.replace(/\/+$/, '');
	return /^https?:\/\/[^/\s]+/i.test(candidate) ? candidate : undefined;
}
