import { ValidateBy } from 'class-validator';

const MAX_BIGINT = 9223372036854775807n;

/**
 * Event ids are PostgreSQL bigints sent as decimal strings. Nineteen digits can still
 * exceed a bigint, and such an id failed in SQL (a 500 over REST, a dropped socket).
 */
export function isEventId(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,19}$/.test(value) && BigInt(value) <= MAX_BIGINT;
}

export const IsEventId = () =>
  ValidateBy({
    name: 'isEventId',
    validator: {
      validate: isEventId,
      defaultMessage: () => `after must be an event id: a whole number from 0 to ${MAX_BIGINT}`,
    },
  });
