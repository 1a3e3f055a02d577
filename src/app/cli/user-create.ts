import 'reflect-metadata';

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { RegisterDto } from '../../users/dto/register.dto.js';
import { type Role, ROLES } from '../../users/user.entity.js';
import { UsersService } from '../../users/users.service.js';
import { AppModule } from '../app.module.js';
import { openDatabase } from '../open-database.js';
import { cliConfig, runCli } from './cli-database.js';

const USAGE =
  'Usage: npm run user:create -- --email you@nhs.net --role admin [--name "Display Name"] [--organisation "..."] [--job-title "..."] [--sector other]\n' +
  'The password comes from FORUM_PASSWORD, or a strong one is generated and printed once.';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'member' },
      name: { type: 'string' },
      organisation: { type: 'string', default: 'NHS' },
      'job-title': { type: 'string', default: 'Administrator' },
      sector: { type: 'string', default: 'other' },
    },
  });
  if (!values.email || !(ROLES as readonly string[]).includes(values.role!)) throw new Error(USAGE);
  const generated = !process.env.FORUM_PASSWORD;
  const password = process.env.FORUM_PASSWORD ?? randomBytes(18).toString('base64url');
  const dto = plainToInstance(RegisterDto, {
    email: values.email,
    password,
    displayName: values.name ?? values.email.split('@')[0],
    organisation: values.organisation,
    jobTitle: values['job-title'],
    sector: values.sector,
  });
  const errors = await validate(dto);
  if (errors.length > 0) throw new Error(errors.flatMap((error) => Object.values(error.constraints ?? {})).join('\n'));

  const config = cliConfig();
  const database = await openDatabase(config, undefined, { shareRunning: true });
  const app = await NestFactory.createApplicationContext(AppModule.register(config, database.url), {
    logger: ['error'],
  });
  try {
    // The operator vouches for the address, so the account can sign in without a code.
    const user = await app.get(UsersService).register(dto, values.role as Role, { confirmed: true });
    console.log(`Created ${user.role} ${user.email} (${user.id}) in ${database.description}.`);
    if (generated) console.log(`Password (shown once; change it after signing in): ${password}`);
  } finally {
    await app.close();
    await database.close();
  }
});
