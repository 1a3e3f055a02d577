import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { slugify } from '../common/slug.js';
import type { DemoSeeder } from '../database/demo-seeder.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { hashPassword } from './password-hasher.js';
import { User } from './user.entity.js';

@Injectable()
export class UsersSeeder implements DemoSeeder {
  readonly name = 'demo accounts';

  async run(manager: EntityManager): Promise<void> {
    const existing = new Set((await manager.find(User, { select: { email: true } })).map((user) => user.email));
    const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
    if (missing.length === 0) return;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await manager
      .createQueryBuilder()
      .insert()
      .into(User)
      // Seeded confirmed: the demo addresses reach nobody, and the README signs in with them.
      .values(
        missing.map((account) => ({
          ...account,
          handle: slugify(account.displayName),
          passwordHash,
          emailConfirmedAt: new Date(),
        })),
      )
      .orIgnore()
      .execute();
  }
}
