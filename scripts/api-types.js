// Turns the API's OpenAPI document into the TypeScript types that the web client's calls are
// checked against. Shared by `npm run api:generate` and the test that keeps the file current.
import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = 'web/src/api/schema.d.ts';

const BANNER = `// Generated from the API's OpenAPI document by \`npm run api:generate\`. Do not edit:
// test/api-types.e2e-spec.ts fails when this file and the API disagree.

`;

/** @param {object} document the OpenAPI 3 document served at /docs/openapi.json */
export async function apiTypesFrom(document) {
  return BANNER + astToString(await openapiTS(document));
}
