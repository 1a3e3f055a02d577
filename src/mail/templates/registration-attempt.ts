import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /** Someone registered with an address that already has an account: its owner is told instead. */
    'registration-attempt': { name: string; signInLink: string; resetLink: string };
  }
}

export const REGISTRATION_ATTEMPT: MailTemplate<'registration-attempt'> = {
  subject: 'Someone tried to register with your email address',
  text: `Hello {{name}},

Someone tried to register a new account with this email address, but you already have one.

If it was you, sign in instead:
{{signInLink}}

If you have forgotten your password, reset it:
{{resetLink}}

If it was not you, you need do nothing: no account was made.`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">Someone tried to register with your email address</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
<p style="margin:0 0 16px;">Someone tried to register a new account with this email address, but you already have one.</p>
<p style="margin:0 0 16px;">If it was you, <a href="{{signInLink}}" style="color:#005eb8;">sign in instead</a>. If you have forgotten your password, <a href="{{resetLink}}" style="color:#005eb8;">reset it</a>.</p>
<p style="margin:0;">If it was not you, you need do nothing: no account was made.</p>`,
};
