// `npm run test:browser`: the built app driven in headless Chromium. Kept out of `npm test`
// (whose testRegex does not match *.browser-spec.ts) so CI runs these once, not per database.
import base from './jest.config.js';

export default {
  ...base,
  testRegex: '\\.browser-spec\\.ts$',
  roots: ['<rootDir>/test/browser'],
  testTimeout: 120000,
  // One browser and one app at a time: the machines have two cores.
  maxWorkers: 1,
};
