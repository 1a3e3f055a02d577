import type { MailTemplateMap, MailTemplateName } from '../outbox/mail-templates.js';

/**
 * A template's text, in Handlebars: `{{name}}` is escaped in the HTML body, `{{{name}}}` is not
 * (never used for variables). Kept in .ts modules so the TypeScript build carries them to dist.
 */
export interface MailTemplate<T extends MailTemplateName = MailTemplateName> {
  subject: string;
  /** The plain-text body, without the footer (the layout adds it). */
  text: string;
  /** The HTML body's content, without header and footer (the layout adds them). */
  html: string;
  /** For the development mailbox's log line: the link or code this message carries. */
  logged?: (data: MailTemplateMap[T]) => string;
  /** Extra headers, e.g. List-Unsubscribe on every message that is not account mail. */
  headers?: (data: MailTemplateMap[T]) => Record<string, string>;
}

/** A message ready to send. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}
