const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' });

/** "24 November 2026 at 09:30", as NHS.UK writes dates. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}
