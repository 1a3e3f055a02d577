import { useEffect } from 'react';

export const SERVICE_NAME = 'Collaboratives Forum';

/** Each page says what it is in the tab and to screen readers; NHS.UK prefixes "Error:" while a form shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasErrors]);
}
