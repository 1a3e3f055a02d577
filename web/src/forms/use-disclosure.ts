import { type SyntheticEvent, useEffect, useState } from 'react';

import type { FormError } from './form-errors';

/**
 * Open/closed state of an NHS.UK details element holding a form: it opens when the form shows
 * errors and then stays as the person leaves it, so a successful second try does not snap it
 * shut under them (and hide the button they would press next).
 */
export function useDisclosure(errors: FormError[]) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (errors.length > 0) setOpen(true);
  }, [errors]);
  return { open, onToggle: (event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open) };
}
