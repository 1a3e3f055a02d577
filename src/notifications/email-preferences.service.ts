import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { EmailPreferencesDto } from './dto/email-preferences.dto.js';
import { DEFAULT_EMAIL_FREQUENCIES, EMAIL_KINDS, type EmailFrequency, type EmailKind } from './email-kinds.js';

/** A person's email preferences: stored choices over the defaults. */
@Injectable()
export class EmailPreferences {
  constructor(private readonly dataSource: DataSource) {}

  async get(userId: string, manager: EntityManager = this.dataSource.manager): Promise<EmailPreferencesDto> {
    const rows: Array<{ kind: EmailKind; frequency: EmailFrequency }> = await manager.query(
      `SELECT kind, frequency FROM email_preferences WHERE user_id = $1`,
      [userId],
    );
    const chosen = { ...DEFAULT_EMAIL_FREQUENCIES };
    for (const row of rows) chosen[row.kind] = row.frequency;
    return chosen;
  }

  /** Stores every kind the caller sent; answers the preferences as they now are. */
  async set(userId: string, choices: Partial<Record<EmailKind, EmailFrequency>>): Promise<EmailPreferencesDto> {
    const kinds = EMAIL_KINDS.filter((kind) => choices[kind] !== undefined);
    await this.dataSource.query(
      `INSERT INTO email_preferences (user_id, kind, frequency)
       SELECT $1, k.kind::email_kind, k.frequency::email_frequency FROM unnest($2::text[], $3::text[]) AS k(kind, frequency)
       ON CONFLICT (user_id, kind) DO UPDATE SET frequency = excluded.frequency, updated_at = now()`,
      [userId, kinds, kinds.map((kind) => choices[kind])],
    );
    return this.get(userId);
  }
}
