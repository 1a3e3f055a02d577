import { isEmail, ValidateBy, type ValidationOptions } from 'class-validator';

/** A UTF-16 half of a pair standing alone: with the `u` flag, whole pairs never match. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * class-validator's IsEmail, refusing text that is not well-formed UTF-16 instead of
 * throwing: validator's isEmail calls encodeURI, whose URIError on a lone surrogate
 * ("x\udfffy", valid JSON) became a 500. Keeps the rule's name, so answers read the same.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmail',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value) && isEmail(value),
        defaultMessage: () => '$property must be an email',
      },
    },
    options,
  );
}
