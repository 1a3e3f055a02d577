import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /** Confirms a new address: a code to type, or a link whose page has the button. */
    'address-confirmation': { name: string; code: string; link: string };
  }
}

export const ADDRESS_CONFIRMATION: MailTemplate<'address-confirmation'> = {
  subject: 'Confirm your email address: {{code}}',
  text: `Hello {{name}},

Enter this code to confirm your email address:

{{code}}

Or open this link and select "Confirm my email address":
{{link}}

The code and link work once and expire after 24 hours. If you did not ask for this, you can ignore this email.`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">Confirm your email address</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
<p style="margin:0 0 8px;">Enter this code to confirm your email address:</p>
<p style="margin:0 0 16px;font-size:32px;font-weight:bold;letter-spacing:4px;">{{code}}</p>
<p style="margin:0 0 16px;">Or <a href="{{link}}" style="color:#005eb8;">open this link and select "Confirm my email address"</a>.</p>
<p style="margin:0;">The code and link work once and expire after 24 hours. If you did not ask for this, you can ignore this email.</p>`,
  logged: (data) => `code ${data.code}, link ${data.link}`,
};
