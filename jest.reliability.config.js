// Long suites (crashes, outages): `npm run test:reliability`, not part of `npm test`.
// One at a time: each runs the real server as a child process and injects faults into it.
import base from './jest.config.js';

export default {
  ...base,
  testRegex: '\\.reliability-spec\\.ts$',
  roots: ['<rootDir>/test'],
  maxWorkers: 1,
  testTimeout: 300_000,
};
