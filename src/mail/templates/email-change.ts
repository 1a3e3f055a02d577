import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /** To the old address, once the account has moved to a new one. */
    'email-changed': { name: string; newAddress: string };
  }
}

export const EMAIL_CHANGED: MailTemplate<'email-changed'> = {
  subject: 'Your email address was changed',
  text: `Hello {{name}},

The email address of your account was changed to {{newAddress}}. Emails from the forum now go there, and you sign in with it.

If you did not do this, tell the forum's administrators at once.`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">Your email address was changed</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
<p style="margin:0 0 16px;">The email address of your account was changed to {{newAddress}}. Emails from the forum now go there, and you sign in with it.</p>
<p style="margin:0;">If you did not do this, tell the forum's administrators at once.</p>`,
};
