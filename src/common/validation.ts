import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { pathOfNulCharacter } from './nul-characters.js';
import { ValidationProblem, type FieldError } from './problem-details.js';

/** Rules that say what kind of value a field takes: when one fails, the others (lengths, sizes) only repeat it. */
const TYPE_RULES = new Set(['isString', 'isArray', 'isInt', 'isNumber', 'isBoolean', 'isDate', 'isObject', 'nestedValidation']);

/**
 * One entry per broken rule, but one message for a missing or null field ("email is
 * required") and only the type's message for a value of the wrong type, rather than every rule it
 * could not meet (a missing email broke its length rule too).
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
  if (!('whitelistValidation' in (error.constraints ?? {}))) {
    if (error.value === undefined) return [{ field, message: `${field} is required` }];
    if (error.value === null) return [{ field, message: `${field} cannot be null: give a value, or leave the field out where it is optional` }];
  }
  const typeRules = rules.filter(([rule]) => TYPE_RULES.has(rule));
  return (typeRules.length > 0 ? typeRules : rules).map(([, message]) => ({ field, message }));
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
