// Nest 12 ships as ES modules, so jest runs in ESM mode (see docs/operations.md, "Tests").
const transform = { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] };
const moduleNameMapper = {
  '^#(contracts|messaging|wire|nlp|runtime)$': '<rootDir>/libs/$1/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { extensionsToTreatAsEsm: ['.ts'], transform, moduleNameMapper, testEnvironment: 'node' };

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // Processes killed, Postgres stopped, NATS restarted mid-burst: `npm run test:faults`, serially.
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'] },
  ],
};
