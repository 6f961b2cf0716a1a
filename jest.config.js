/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// test/tsconfig.json sets isolatedModules, so ts-jest only transpiles; `npm run typecheck`
		// type-checks the tests.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	// Closes every emulator a test started.
	setupFilesAfterEnv: ['<rootDir>/test/support/close-emulators.ts'],
	// One n8n user folder for the run, removed at its end.
	globalSetup: '<rootDir>/test/support/global-setup.js',
	globalTeardown: '<rootDir>/test/support/global-teardown.js',
	testTimeout: 30000,
};
