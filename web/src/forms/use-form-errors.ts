import { useCallback, useState } from 'react';

import type { FormError } from './form-errors';

/** The errors of a form's last submission, and a count of submissions that had errors. */
export function useFormErrors() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const show = useCallback((next: FormError[]) => {
    setErrors(next);
    if (next.length > 0) setAttempt((count) => count + 1);
  }, []);
  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return { errors, attempt, show, errorFor };
}
