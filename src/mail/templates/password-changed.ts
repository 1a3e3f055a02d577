import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /** After a reset: the password changed and every session ended. */
    'password-changed': { name: string };
  }
}

export const PASSWORD_CHANGED: MailTemplate<'password-changed'> = {
  subject: 'Your password was changed',
  text: `Hello {{name}},

The password of your account was reset, and you were signed out everywhere. Sign in again with the new password.

If you did not do this, reset your password now with "Forgot your password?" on the sign-in page, and tell the forum's administrators.`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">Your password was changed</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
<p style="margin:0 0 16px;">The password of your account was reset, and you were signed out everywhere. Sign in again with the new password.</p>
<p style="margin:0;">If you did not do this, reset your password now with "Forgot your password?" on the sign-in page, and tell the forum's administrators.</p>`,
};
