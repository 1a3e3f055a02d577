import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.embeddedTestServer?.stop();
  if (process.env.TEST_EMBEDDED_FOLDER) rmSync(process.env.TEST_EMBEDDED_FOLDER, { recursive: true, force: true });
}
