import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims surrounding white space from a string field; leaves other types for the validators to refuse. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims and lower-cases, for emails and slugs. */
export const TrimLower = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Query strings arrive as text: "true"/"false" become booleans; anything else is left for @IsBoolean to refuse. */
export const ToBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * May be left out, but not sent as null. class-validator's IsOptional lets null through
 * too, and a null then reaches a NOT NULL column as a database error. Use IsOptional only
 * where null means "clear this" and the column allows it.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);
