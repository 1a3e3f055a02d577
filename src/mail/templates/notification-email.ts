import type { MailTemplate } from '../mail-template.js';

declare module '../../outbox/mail-templates.js' {
  interface MailTemplateMap {
    /**
     * One notification, emailed once its grace window passed. `title`, `actor`, `when` and
     * `excerpt` are null for content in a members-only collaborative: an email cannot be
     * redacted once sent, so it says only that something is new there. `unsubscribeUrl` is
     * null for account mail (moderators' notices), which is always sent.
     */
    'notification-email': {
      name: string;
      subject: string;
      title: string | null;
      actor: string | null;
      when: string | null;
      excerpt: string | null;
      link: string;
      /** The web page that confirms unsubscribing (the one-click URL is in the headers). */
      unsubscribeUrl: string | null;
      /** RFC 8058's one-click URL, for the List-Unsubscribe header. */
      oneClickUrl: string | null;
      kindLabel: string | null;
    };
  }
}

export const NOTIFICATION_EMAIL: MailTemplate<'notification-email'> = {
  subject: '{{subject}}',
  text: `Hello {{name}},

{{#if title}}{{title}}
{{#if actor}}By {{actor}}{{#if when}}, {{when}}{{/if}}
{{/if}}{{#if excerpt}}
"{{excerpt}}"
{{/if}}{{else}}{{subject}}.
{{/if}}
Read it in the forum:
{{link}}
{{#if unsubscribeUrl}}

You get this email for: {{kindLabel}}. To stop these emails, open {{unsubscribeUrl}}
or change your email preferences in your account.{{/if}}`,
  html: `<h1 style="font-size:24px;margin:0 0 16px;">{{subject}}</h1>
<p style="margin:0 0 16px;">Hello {{name}},</p>
{{#if title}}<p style="margin:0 0 8px;font-weight:bold;">{{title}}</p>
{{#if actor}}<p style="margin:0 0 16px;color:#4c6272;">By {{actor}}{{#if when}}, {{when}}{{/if}}</p>{{/if}}
{{#if excerpt}}<blockquote style="margin:0 0 16px;padding:0 0 0 16px;border-left:4px solid #d8dde0;">{{excerpt}}</blockquote>{{/if}}{{/if}}
<p style="margin:0 0 16px;"><a href="{{link}}" style="color:#005eb8;">Read it in the forum</a></p>
{{#if unsubscribeUrl}}<p style="margin:0;font-size:14px;color:#4c6272;">You get this email for: {{kindLabel}}. <a href="{{unsubscribeUrl}}" style="color:#005eb8;">Stop these emails</a> or change your email preferences in your account.</p>{{/if}}`,
  headers: (data): Record<string, string> =>
    data.oneClickUrl
      ? { 'List-Unsubscribe': `<${data.oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {},
  logged: (data) => `link ${data.link}`,
};
