import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';

import { pathOfNulCharacter } from './nul-characters.js';
import { type FieldError, ValidationProblem } from './problem-details.js';
import { readableMessage } from './readable-messages.js';

/** Rules that say what kind of value a field takes: when one fails, the others (lengths, sizes) only repeat it. */
const TYPE_RULES = new Set([
  'isString',
  'isArray',
  'isInt',
  'isNumber',
  'isBoolean',
  'isDate',
  'isObject',
  'nestedValidation',
]);

/**
 * One entry per broken rule, except that a missing field gets one message ("email is
 * required") and a value of the wrong type only its type's message, rather than every rule
 * it could not meet (a missing email broke its length rule too).
 */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    return [...ownErrors(error, field), ...fieldErrors(error.children ?? [], field)];
  });
}

function ownErrors(error: ValidationError, field: string): FieldError[] {
  const rules = Object.entries(error.constraints ?? {});
  if (rules.length === 0) return [];
  const typeRules = rules.filter(([rule]) => TYPE_RULES.has(rule));
  // Messages name the property, not the path, as class-validator's do: forms swap in their label.
  if (!rules.some(([rule]) => rule === 'whitelistValidation')) {
    if (error.value === undefined) return [{ field, message: `${error.property} is required` }];
    // A client's NaN arrives as null: for a number, say that a number is wanted.
    if (error.value === null && typeRules.length === 0) {
      return [
        {
          field,
          message: `${error.property} cannot be null: give a value, or leave the field out where it is optional`,
        },
      ];
    }
  }
  return (typeRules.length > 0 ? typeRules : rules).map(([, message]) => ({
    field,
    message: readableMessage(error.property, message),
  }));
}

/** The DTO rules, after one rule for every input: no NUL characters, which PostgreSQL cannot store. */
class ForumValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const path = pathOfNulCharacter(value, metadata.type === 'param' ? (metadata.data ?? 'path') : '');
      if (path !== null) {
        const field = path || metadata.type;
        throw new ValidationProblem([{ field, message: `${field} must not contain the NUL character (U+0000)` }]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** Bodies and queries are whitelisted DTOs: unknown fields are refused, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ForumValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    // Values are read by fieldErrors to tell a missing field from a wrong one; they never reach the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new ValidationProblem(fieldErrors(errors)),
  });
}
