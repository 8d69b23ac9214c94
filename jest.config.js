// Nest 12 ships as ES modules, so jest runs in ESM mode (see docs/operations.md, "Tests").
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] };
const moduleNameMapper = {
  '^#(contracts|messaging|wire|nlp|runtime)$': '<rootDir>/libs/$1/src/index.ts',
  '^#runtime/testing$': '<rootDir>/libs/runtime/src/testing/index.ts',
  '^#wire/writers$': '<rootDir>/libs/wire/src/writers/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  setupFilesAfterEnv: ['<rootDir>/test/harness/deadline.ts'],
};

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // Third-party agency and publisher copy, read from DEPECHE_CORPUS: `npm run test:corpus`.
    { ...common, displayName: 'corpus', testMatch: ['<rootDir>/libs/**/*.corpus-spec.ts', '<rootDir>/test/**/*.corpus-spec.ts'] },
    // The desk in Debian's chromium: `npm run test:browser`.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser-spec.ts'] },
    // Processes killed, Postgres stopped, NATS restarted mid-burst: `npm run test:faults`, serially.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
