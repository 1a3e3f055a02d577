import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { type CodePurpose, OneTimeCode } from './one-time-code.entity.js';

/** How long each kind of code works: a day to confirm an address, an hour to reset a password. */
export const CODE_LIFETIME_MS: Record<CodePurpose, number> = {
  'confirm-address': 24 * 60 * 60_000,
  'change-email': 24 * 60 * 60_000,
  'reset-password': 60 * 60_000,
};

/** Codes typed against one code, right or wrong, before it stops working. */
export const MAX_CODE_TRIES = 5;
const CODE_DIGITS = 6;

/** What an email carries: the code to type and the token for its link. Never stored or logged. */
export interface IssuedCode {
  code: string;
  token: string;
  expiresAt: Date;
}

/** Whose a redeemed code was, and the address it proved. */
export interface RedeemedCode {
  userId: string;
  address: string;
}

/** Either the short code typed with the address it was sent to, or the link's token. */
export type CodeProof = { address: string; code: string } | { token: string };

/** The proof a request carries: the link's token if it has one, else the typed code and its address. */
export function proofOf(dto: { email?: string; code?: string; token?: string }): CodeProof {
  return dto.token !== undefined ? { token: dto.token } : { address: dto.email!, code: dto.code! };
}

const NEXT_STEP: Record<CodePurpose, string> = {
  'confirm-address': 'Ask for a new code, and use the one in the newest email.',
  'change-email': 'Start the change of address again to get a new code.',
  'reset-password': 'Ask for a new password reset email, and use the newest one.',
};

/** One answer for a typed code that is wrong, spent, expired or locked: the address may have no account. */
export class CodeNotValid extends BadRequestException {
  constructor(purpose: CodePurpose, why = 'This code is not right, or it has expired or already been used.') {
    super(`${why} ${NEXT_STEP[purpose]}`);
  }
}

/**
 * Emailed codes and links. The code is short, so it is kept as a hash keyed by a server
 * secret and its row, and allows {@link MAX_CODE_TRIES} tries in all; the token is long and
 * random, so a keyed hash is enough to find it. Both are compared in constant time, work
 * once, expire on the injectable clock, and a newer code of the same kind voids the older.
 */
@Injectable()
export class OneTimeCodes {
  private readonly key: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.jwtSecret).update('one-time-codes').digest();
  }

  private hash(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }

  /** A new code for `address`, written in the caller's transaction (beside the mail that carries it). */
  async issue(manager: EntityManager, purpose: CodePurpose, userId: string, address: string): Promise<IssuedCode> {
    await this.voidPending(manager, userId, [purpose]);
    const id = randomUUID();
    const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.nowMs() + CODE_LIFETIME_MS[purpose]);
    await manager.insert(OneTimeCode, {
      id,
      purpose,
      userId,
      address,
      codeHash: this.hash(`code:${id}:${code}`),
      tokenHash: this.hash(`token:${token}`),
      expiresAt,
    });
    return { code, token, expiresAt };
  }

  /** Kills every live code of these kinds for the person (a password changed, an address moved). */
  async voidPending(manager: EntityManager, userId: string, purposes: readonly CodePurpose[]): Promise<void> {
    await manager.query(
      `UPDATE one_time_codes SET voided_at = $3
        WHERE user_id = $1 AND purpose = ANY($2::one_time_code_purpose[]) AND used_at IS NULL AND voided_at IS NULL`,
      [userId, purposes, this.clock.now()],
    );
  }

  /** Where the person's newest live code of this kind was sent (a change of address's new one), if any. */
  async pendingAddress(userId: string, purpose: CodePurpose): Promise<string | null> {
    const rows: Array<{ address: string }> = await this.dataSource.query(
      `SELECT address FROM one_time_codes
        WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $3
        ORDER BY created_at DESC LIMIT 1`,
      [userId, purpose, this.clock.now()],
    );
    return rows[0]?.address ?? null;
  }

  /**
   * Spends a code and runs `apply` in the same transaction: if `apply` fails, the code still
   * works. A wrong code counts against its tries whatever happens next.
   */
  async redeem<T>(
    purpose: CodePurpose,
    proof: CodeProof,
    apply: (manager: EntityManager, redeemed: RedeemedCode) => Promise<T>,
  ): Promise<T> {
    const id = 'token' in proof ? await this.findByToken(purpose, proof.token) : await this.tryCode(purpose, proof);
    return this.dataSource.transaction(async (manager) => {
      const spent: RedeemedCode[] = await manager
        .query(
          `UPDATE one_time_codes SET used_at = $2
            WHERE id = $1 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $2
            RETURNING user_id AS "userId", address`,
          [id, this.clock.now()],
        )
        .then(([rows]: [RedeemedCode[]]) => rows);
      // Another request spent it between the check and here.
      if (spent.length === 0) throw new CodeNotValid(purpose);
      return apply(manager, spent[0]!);
    });
  }

  /**
   * Takes one try of the newest live code sent to the address (one statement, so concurrent
   * tries never exceed the limit), then compares. Answers the id of a right code.
   */
  private async tryCode(purpose: CodePurpose, proof: { address: string; code: string }): Promise<string> {
    const [rows]: [Array<{ id: string; code_hash: string }>] = await this.dataSource.query(
      `UPDATE one_time_codes SET tries = tries + 1
        WHERE id = (SELECT id FROM one_time_codes
                     WHERE address = $1 AND purpose = $2 AND used_at IS NULL AND voided_at IS NULL
                     ORDER BY created_at DESC LIMIT 1)
          AND tries < $3 AND expires_at > $4
        RETURNING id, code_hash`,
      [proof.address, purpose, MAX_CODE_TRIES, this.clock.now()],
    );
    const row = rows[0];
    // Hashed even when there is no code, so a missing one costs the same time.
    const given = Buffer.from(this.hash(`code:${row?.id ?? randomUUID()}:${proof.code}`), 'hex');
    const stored = Buffer.from(row?.code_hash ?? this.hash('none'), 'hex');
    if (!row || !timingSafeEqual(given, stored)) throw new CodeNotValid(purpose);
    return row.id;
  }

  /** A link's token is unguessable, so it can say exactly what is wrong with it. */
  private async findByToken(purpose: CodePurpose, token: string): Promise<string> {
    const found = await this.dataSource.getRepository(OneTimeCode).findOneBy({
      tokenHash: this.hash(`token:${token}`),
      purpose,
    });
    if (!found) throw new CodeNotValid(purpose, 'This link is not valid: check it was copied whole.');
    if (found.usedAt) throw new CodeNotValid(purpose, 'This link has already been used.');
    if (found.voidedAt)
      throw new CodeNotValid(
        purpose,
        'This link no longer works: a newer email, or a change to the account, replaced it.',
      );
    if (found.expiresAt <= this.clock.now()) throw new CodeNotValid(purpose, 'This link has expired.');
    return found.id;
  }
}
