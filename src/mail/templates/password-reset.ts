import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /** "Forgot your password?": a code to type, or a link to the page that sets a new one. */
    'password-reset': { name: string; code: string; link: string };
  }
}

export const PASSWORD_RESET: MailTemplate<'password-reset'> = {
  subject: 'Reset your password: {{code}}',
  text: `Hello {{name}},

Someone asked to reset the password of your account. Enter this code on the reset page:

{{code}}

Or open this link to choose a new password:
{{link}}

The code and link work once and expire after 1 hour. If you did not ask for this, ignore this email: your password stays as it is.`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">Reset your password</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
<p style="margin:0 0 8px;">Someone asked to reset the password of your account. Enter this code on the reset page:</p>
<p style="margin:0 0 16px;font-size:32px;font-weight:bold;letter-spacing:4px;">{{code}}</p>
<p style="margin:0 0 16px;">Or <a href="{{link}}" style="color:#005eb8;">open this link to choose a new password</a>.</p>
<p style="margin:0;">The code and link work once and expire after 1 hour. If you did not ask for this, ignore this email: your password stays as it is.</p>`,
  logged: (data) => `code ${data.code}, link ${data.link}`,
};
