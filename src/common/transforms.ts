import { Transform } from 'class-transformer';
import { isISO8601, ValidateIf } from 'class-validator';

/** Trims surrounding white space from a string field; leaves other types for the validators to refuse. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * ISO 8601 text to a Date for @IsDate to check. A day the calendar lacks ("2030-02-30")
 * becomes an invalid Date to refuse, where JavaScript's Date would quietly roll it into
 * March. Reads the raw value, so no earlier conversion has rolled it already.
 */
export const ToDate = () =>
  Transform(({ obj, key }) => {
    const raw: unknown = (obj as Record<string, unknown>)[key];
    if (typeof raw !== 'string') return raw;
    return isISO8601(raw, { strict: true }) ? new Date(raw) : new Date(Number.NaN);
  });

/** A page size from the query string: left out or empty (`?limit=`, as a form sends it) means the default, not zero. */
export const ToLimit = (defaultLimit: number) =>
  Transform(({ obj, key }) => {
    const raw: unknown = (obj as Record<string, unknown>)[key];
    return raw === undefined || raw === '' ? defaultLimit : Number(raw);
  });

/** Trims and lower-cases, for emails and slugs. */
export const TrimLower = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Query strings arrive as text: "true"/"false" become booleans; anything else is left for @IsBoolean to refuse. */
export const ToBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * May be left out, but not sent as null. class-validator's IsOptional lets null through
 * too, and a null then reaches a NOT NULL column as a database error. Use IsOptional only
 * where null means "clear this" and the column allows it.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);
