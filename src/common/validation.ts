import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { pathOfNulCharacter } from './nul-characters.js';
import { ValidationProblem, type FieldError } from './problem-details.js';

export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(fieldErrors(errors)),
  });
}
