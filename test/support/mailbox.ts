import { eventually } from './eventually.js';
import type { HttpClient } from './http.js';

interface MailboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** What the development mailbox holds for `email`, newest first (only what the mail worker has delivered). */
export async function mailTo(http: HttpClient, email: string): Promise<MailboxMessage[]> {
  const response = await http.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}&limit=20`);
  if (response.status !== 200) throw new Error(`the mailbox answered ${response.status} ${response.text}`);
  return response.body.items as MailboxMessage[];
}

/**
 * The newest message to `email` whose subject starts `subject`, read from the development
 * mailbox (GET /api/dev/mailbox) as a person reads their inbox, once the mail worker has
 * delivered `count` such messages (a resend replaces the code of the one before).
 */
export async function readMailbox(
  http: HttpClient,
  email: string,
  subject: string,
  count = 1,
): Promise<MailboxMessage> {
  // Checked every 200 ms for up to 30 s, as a person would look at an inbox: a hundred
  // people registering at once, each polling every 50 ms, kept the server too busy to send.
  return eventually(
    async () => {
      const matching = (await mailTo(http, email)).filter((message) => message.subject.startsWith(subject));
      return matching.length >= count ? matching[0] : undefined;
    },
    `${count} email(s) "${subject}" to ${email}`,
    30_000,
    200,
  );
}

/** The code a confirmation email gives, as a person would copy it from the message. */
export async function confirmationCodeFromMailbox(http: HttpClient, email: string): Promise<string> {
  const message = await readMailbox(http, email, 'Confirm your email address');
  const code = /\b(\d{6})\b/.exec(message.text)?.[1];
  if (!code) throw new Error(`no code in the email to ${email}: ${message.text}`);
  return code;
}

/** Confirms a new address with the code from the mailbox, which signs the person in. */
export async function confirmFromMailbox(http: HttpClient, email: string) {
  const code = await confirmationCodeFromMailbox(http, email);
  const response = await http.post('/api/auth/confirm-address', { email, code });
  if (response.status !== 200) throw new Error(`confirming ${email} failed: ${response.status} ${response.text}`);
  return response;
}
