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
	testTimeout: 30000,
};
