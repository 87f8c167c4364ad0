/** Unit and integration tests; end-to-end specs run under Playwright (see playwright.config.ts). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/test/unit/**/*.test.ts', '**/test/integration/**/*.test.ts'],
  transform: {
    // tsconfig.json's isolatedModules makes ts-jest transpile file by file (typecheck is its own
    // CI step).
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // One migrated PGlite database the tests' databases start from (server/testing/pgliteTemplate.ts).
  globalSetup: '<rootDir>/test/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/test/setup/globalTeardown.ts',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // Every core runs suites: jest's default leaves one to its own process, which only waits here
  // (on 2 cores: one worker instead of two, about 2 minutes more for each of the two runs).
  maxWorkers: '100%',
};
