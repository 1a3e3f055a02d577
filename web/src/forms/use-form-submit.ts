import { type FormEvent, useState } from 'react';

import { type FormError, UNREACHABLE } from './form-errors';
import { useFormErrors } from './use-form-errors';

/**
 * A form's submit handler: the handler gets the form's values and returns the errors to show
 * (none when it succeeded). A second press while one is in flight does nothing, and a network
 * failure becomes an error a person can act on rather than an unhandled rejection.
 */
export function useFormSubmit(handle: (form: FormData) => Promise<FormError[] | void>) {
  const formErrors = useFormErrors();
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      formErrors.show((await handle(form)) ?? []);
    } catch {
      formErrors.show([UNREACHABLE]);
    } finally {
      setBusy(false);
    }
  }

  return { ...formErrors, busy, onSubmit };
}

/** A text field's value from FormData, trimmed as the API trims it. */
export function text(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}
