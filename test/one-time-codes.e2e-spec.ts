import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DataSource } from 'typeorm';

import type { CodePurpose } from '../src/auth/one-time-code.entity.js';
import { CODE_LIFETIME_MS, CodeNotValid, MAX_CODE_TRIES, OneTimeCodes } from '../src/auth/one-time-codes.js';
import { AdjustableClock } from '../src/common/clock.js';
import { createUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('one-time codes and link tokens', () => {
  const clock = new AdjustableClock();
  let forum: TestApp;
  let codes: OneTimeCodes;
  let dataSource: DataSource;
  let person: TestUser;

  beforeAll(async () => {
    forum = await startTestApp({ clock });
    codes = forum.app.get(OneTimeCodes);
    dataSource = forum.app.get(DataSource);
    person = await createUser(forum);
  });
  afterAll(() => forum?.close());

  const issue = (purpose: CodePurpose = 'confirm-address', address = person.email) =>
    dataSource.transaction((manager) => codes.issue(manager, purpose, person.id, address));
  const redeem = (purpose: CodePurpose, proof: { address: string; code: string } | { token: string }) =>
    codes.redeem(purpose, proof, async (_manager, redeemed) => redeemed);
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: unknown) => (error instanceof CodeNotValid ? (error.message as string) : Promise.reject(error)),
    );
  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  test('a code works once, for its person and address, and is stored only as a hash', async () => {
    const { code, token } = await issue();
    expect(code).toMatch(/^\d{6}$/);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const stored = JSON.stringify(await dataSource.query(`SELECT * FROM one_time_codes`));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(`"${code}"`);

    await expect(redeem('confirm-address', { address: person.email, code })).resolves.toEqual({
      userId: person.id,
      address: person.email,
    });
    expect(await refusal(redeem('confirm-address', { address: person.email, code }))).toMatch(/already been used/);
    expect(await refusal(redeem('confirm-address', { token }))).toBe(
      'This link has already been used. Ask for a new code, and use the one in the newest email.',
    );
  });

  test('a code of one kind does nothing for another', async () => {
    const { code, token } = await issue('reset-password');
    expect(await refusal(redeem('confirm-address', { address: person.email, code }))).toMatch(/not right/);
    expect(await refusal(redeem('confirm-address', { token }))).toMatch(/not valid/);
    await expect(redeem('reset-password', { token })).resolves.toMatchObject({ userId: person.id });
  });

  test('a link works once; a newer code voids the older one', async () => {
    const older = await issue();
    const newer = await issue();
    expect(await refusal(redeem('confirm-address', { token: older.token }))).toMatch(/no longer works/);
    expect(await refusal(redeem('confirm-address', { address: person.email, code: older.code }))).not.toBe('accepted');
    await expect(redeem('confirm-address', { token: newer.token })).resolves.toMatchObject({ userId: person.id });
    expect(await refusal(redeem('confirm-address', { token: newer.token }))).toMatch(/already been used/);
  });

  test('codes expire on the clock: a day to confirm, an hour to reset', async () => {
    const confirm = await issue('confirm-address');
    const reset = await issue('reset-password');
    clock.advance(CODE_LIFETIME_MS['reset-password'] + 1000);
    expect(await refusal(redeem('reset-password', { token: reset.token }))).toBe(
      'This link has expired. Ask for a new password reset email, and use the newest one.',
    );
    await expect(redeem('confirm-address', { address: person.email, code: confirm.code })).resolves.toMatchObject({
      userId: person.id,
    });
    const later = await issue('confirm-address');
    clock.advance(CODE_LIFETIME_MS['confirm-address'] + 1000);
    expect(await refusal(redeem('confirm-address', { address: person.email, code: later.code }))).toMatch(/expired/);
  });

  test(`${MAX_CODE_TRIES} wrong codes, even all at once, lock the code`, async () => {
    const { code, token } = await issue();
    const tries = await Promise.all(
      Array.from({ length: 20 }, () =>
        refusal(redeem('confirm-address', { address: person.email, code: wrongCode(code) })),
      ),
    );
    expect(tries.every((outcome) => outcome !== 'accepted')).toBe(true);
    const [row] = await dataSource.query(
      `SELECT tries FROM one_time_codes WHERE used_at IS NULL AND voided_at IS NULL`,
    );
    expect(row.tries).toBe(MAX_CODE_TRIES);
    expect(await refusal(redeem('confirm-address', { address: person.email, code }))).toMatch(/not right/);
    // The link's token is unguessable, so wrong codes do not lock it.
    await expect(redeem('confirm-address', { token })).resolves.toMatchObject({ userId: person.id });
  });

  test('two requests racing with one right code: one wins', async () => {
    const { code } = await issue();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => refusal(redeem('confirm-address', { address: person.email, code }))),
    );
    expect(outcomes.filter((outcome) => outcome === 'accepted')).toHaveLength(1);
  });

  test('an address with no code gets the same answer as a wrong code', async () => {
    expect(await refusal(redeem('reset-password', { address: 'nobody@nhs.net', code: '123456' }))).toBe(
      'This code is not right, or it has expired or already been used. Ask for a new password reset email, and use the newest one.',
    );
  });

  test('voiding kills pending codes of those kinds only', async () => {
    const reset = await issue('reset-password');
    const confirm = await issue('confirm-address');
    await dataSource.transaction((manager) => codes.voidPending(manager, person.id, ['reset-password']));
    expect(await refusal(redeem('reset-password', { token: reset.token }))).toMatch(/no longer works/);
    await expect(redeem('confirm-address', { token: confirm.token })).resolves.toMatchObject({ userId: person.id });
  });
});
