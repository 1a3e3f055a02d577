const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "14 December 2026, 23:23": a moment as people in the NHS read it, on UK time (GMT or BST as
 * the date falls), for words the API says to people, such as how long a suspension lasts.
 */
export function londonDateTime(moment: Date): string {
  const part = Object.fromEntries(PARTS.formatToParts(moment).map(({ type, value }) => [type, value]));
  return `${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}
