// @ts-check
'use strict';

/**
 * The data of a Sonoran CAD API credential pointing at a local emulator: the one place the tests,
 * the harness and the end-to-end suite build it.
 * @param {{ communityId: string, apiKey: string, url: string }} emulator
 * @param {Record<string, unknown>} [overrides]
 */
function emulatorCredentialData(emulator, overrides = {}) {
	return {
		communityId: emulator.communityId,
		apiKey: emulator.apiKey,
		environment: 'custom',
		baseUrl: emulator.url,
		...overrides,
	};
}

module.exports = { emulatorCredentialData };
