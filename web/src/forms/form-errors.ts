import type { Problem } from '../api/types';

/** One line of an error summary; with a field, it also shows beside that field and links to it. */
export interface FormError {
  field?: string;
  message: string;
}

export interface FieldSpec {
  /** The field's label, used in place of the API's property name. */
  label: string;
  /** NHS.UK style: say what to do ("Enter your email address"). Only for required fields. */
  whenEmpty?: string;
  /** The API's limits on what is typed (trimmed), checked before sending so every error shows at once. */
  minLength?: number;
  maxLength?: number;
  /** For a list typed with commas (tags): how many entries it may have. */
  maxEntries?: number;
}

export type FieldSpecs = Record<string, FieldSpec>;

export const UNREACHABLE: FormError = {
  message: 'The forum could not be reached. Check your connection and try again',
};

/** Error messages in the NHS.UK style: a capital letter and no full stop. */
function asErrorMessage(text: string): string {
  const trimmed = text.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Required fields left empty, checked before asking the API so the words can be friendlier. */
export function emptyRequiredFields(form: FormData, fields: FieldSpecs): FormError[] {
  return Object.entries(fields)
    .filter(([name, spec]) => spec.whenEmpty && String(form.get(name) ?? '').trim() === '')
    .map(([name, spec]) => ({ field: name, message: spec.whenEmpty! }));
}

function problemWith(value: string, spec: FieldSpec): string | null {
  if (value === '') return spec.whenEmpty ?? null;
  if (spec.minLength !== undefined && value.length < spec.minLength)
    return `${spec.label} must be ${spec.minLength} characters or more`;
  if (spec.maxLength !== undefined && value.length > spec.maxLength)
    return `${spec.label} must be ${spec.maxLength} characters or fewer`;
  const entries = new Set(
    value
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  );
  if (spec.maxEntries !== undefined && entries.size > spec.maxEntries)
    return `${spec.label} can have ${spec.maxEntries} entries at most`;
  return null;
}

/**
 * Every field the API would refuse for a reason the page can see (empty, too short or long, too
 * many entries), all at once, in words a person can act on: one round of corrections, not one
 * per rule.
 */
export function checkFields(form: FormData, fields: FieldSpecs): FormError[] {
  return Object.entries(fields).flatMap(([name, spec]) => {
    const message = problemWith(String(form.get(name) ?? '').trim(), spec);
    return message ? [{ field: name, message }] : [];
  });
}

/**
 * The API's problem details as form errors: each entry of `errors` on its field (the API
 * names fields by property, "displayName must be...", so the label takes the name's place);
 * any other problem as one message, on `fieldFor[status]` when that status is about a field.
 */
export function errorsFromProblem(
  problem: Problem,
  fields: FieldSpecs,
  fieldFor: Partial<Record<number, string>> = {},
): FormError[] {
  if (problem.errors?.length) {
    return problem.errors.map(({ field, message }) => {
      // Nested fields come as `outcomeMeasures[0].before`: the form's id for it is
      // `outcomeMeasures-0-before`, or else the whole list's field `outcomeMeasures`.
      const nested = field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
      const id = fields[nested] ? nested : field.split(/[.[]/)[0]!;
      const spec = fields[id];
      if (!spec) return { message: asErrorMessage(message) };
      const property = field.split(/[.\]]/).at(-1)!;
      const worded = message.startsWith(`${property} `) ? spec.label + message.slice(property.length) : message;
      return { field: id, message: asErrorMessage(worded) };
    });
  }
  return [{ field: fieldFor[problem.status], message: asErrorMessage(problem.detail || problem.title) }];
}

/**
 * The same problem with the API's field names turned into this form's ids, for forms shown
 * more than once on a page (a report form under each reply), whose ids carry a prefix.
 */
export function withFieldIds(problem: Problem, ids: Record<string, string>): Problem {
  return { ...problem, errors: problem.errors?.map((error) => ({ ...error, field: ids[error.field] ?? error.field })) };
}
