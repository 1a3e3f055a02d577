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
