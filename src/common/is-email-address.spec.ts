import { describe, expect, test } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { IsEmailAddress } from './is-email-address.js';

class Form {
  @IsEmailAddress({ message: 'email must be an email address such as name@nhs.net' })
  email: unknown;
}

const problems = async (email: unknown) =>
  (await validate(plainToInstance(Form, { email }))).flatMap((error) => Object.values(error.constraints ?? {}));

describe('IsEmailAddress', () => {
  test('takes an address, emoji and all, and refuses what is not one', async () => {
    expect(await problems('sarah.whitfield@nhs.net')).toEqual([]);
    expect(await problems('not-an-email')).toEqual(['email must be an email address such as name@nhs.net']);
    expect(await problems(42)).toHaveLength(1);
  });

  test('refuses a lone surrogate instead of throwing', async () => {
    expect(await problems('x\udfffy')).toEqual(['email must be an email address such as name@nhs.net']);
    expect(await problems('a\ud800@nhs.net')).toHaveLength(1);
  });
});
