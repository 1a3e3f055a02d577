import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { runCli, withDatabase } from './cli-database.js';

const MIGRATIONS_DIR = join(process.cwd(), 'migrations');

const statement = (query: string, parameters?: unknown[]) =>
  `    await db.query(${JSON.stringify(query)}${parameters?.length ? `, ${JSON.stringify(parameters)}` : ''});`;

/** Rewrites migrations/index.ts to list every migration file, oldest first. */
function writeIndex(): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d+-\w+\.ts$/.test(file))
    .sort();
  const classes = files.map((file) => {
    const [timestamp, name] = file.replace(/\.ts$/, '').split('-') as [string, string];
    return { file, className: `${name}${timestamp}` };
  });
  writeFileSync(
    join(MIGRATIONS_DIR, 'index.ts'),
    [
      '// Every migration, oldest first. `npm run migration:generate -- <Name>` adds new files here.',
      ...classes.map(({ file, className }) => `import { ${className} } from './${file.replace(/\.ts$/, '.js')}';`),
      '',
      `export const MIGRATIONS = [${classes.map(({ className }) => className).join(', ')}];`,
      '',
    ].join('\n'),
  );
}

runCli(async () => {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error('Usage: npm run migration:generate -- <Name>, with Name in PascalCase, e.g. AddThreadTags');
  }
  await withDatabase(async (dataSource) => {
    await dataSource.runMigrations();
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      console.log('The entities match the schema: no migration needed.');
      return;
    }
    const timestamp = Date.now();
    const file = join(MIGRATIONS_DIR, `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      [
        `import type { MigrationInterface, QueryRunner } from 'typeorm';`,
        '',
        `export class ${name}${timestamp} implements MigrationInterface {`,
        `  name = '${name}${timestamp}';`,
        '',
        '  async up(db: QueryRunner): Promise<void> {',
        ...upQueries.map((q) => statement(q.query, q.parameters)),
        '  }',
        '',
        '  async down(db: QueryRunner): Promise<void> {',
        ...downQueries.reverse().map((q) => statement(q.query, q.parameters)),
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    writeIndex();
    console.log(`Wrote ${file} and listed it in migrations/index.ts. Read and tidy it before committing.`);
  });
});
