// Jest runs the project as native ESM (see ../shared/STACK-NOTES.md): swc strips the
// types and keeps the legacy decorators with their metadata that NestJS reads.
export default {
  testEnvironment: 'node',
  testRegex: '\\.(e2e-)?spec\\.ts$',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        module: { type: 'es6' },
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
      },
    ],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/preload-esm.ts'],
  // A guard against hangs, not a speed check: suites must pass on a busy 2-core machine.
  testTimeout: 180_000,
  // Suites wait on sockets and PostgreSQL more than on the CPU: run more than the cores.
  maxWorkers: 3,
};
