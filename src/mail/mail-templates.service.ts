import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';

import type { MailTemplateMap, MailTemplateName } from '../outbox/mail-templates.js';
import { HTML_LAYOUT, TEXT_LAYOUT } from './mail-layout.js';
import type { MailTemplate, RenderedMail } from './mail-template.js';

/** The name every message carries in its header and footer. */
export const FORUM_NAME = 'Collaboratives Forum';

interface Compiled {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
  logged?: (data: never) => string;
  headers?: (data: never) => Record<string, string>;
}

/** Where a message goes and where it links to: the layout's variables. */
export interface MailEnvelope {
  to: string;
  publicUrl: string;
}

/**
 * Every template, by name. Each feature registers its own when its module starts (as with
 * NotificationRules), so the worker renders any queued message without knowing the features.
 * Handlebars escapes every `{{variable}}` in HTML; the subject and the plain text are compiled
 * with escaping off, since they are not HTML.
 */
@Injectable()
export class MailTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<string, Compiled>();
  private readonly htmlLayout = this.handlebars.compile(HTML_LAYOUT, { strict: true });
  private readonly textLayout = this.handlebars.compile(TEXT_LAYOUT, { strict: true, noEscape: true });

  register<T extends MailTemplateName>(name: T, template: MailTemplate<T>): void {
    if (this.templates.has(name)) throw new Error(`The mail template ${name} is registered twice`);
    const plain = { strict: true, noEscape: true };
    this.templates.set(name, {
      subject: this.handlebars.compile(template.subject, plain),
      text: this.handlebars.compile(template.text, plain),
      html: this.handlebars.compile(template.html, { strict: true }),
      logged: template.logged as ((data: never) => string) | undefined,
      headers: template.headers as ((data: never) => Record<string, string>) | undefined,
    });
  }

  has(name: string): boolean {
    return this.templates.has(name);
  }

  render<T extends MailTemplateName>(name: T, data: MailTemplateMap[T], envelope: MailEnvelope): RenderedMail {
    const template = this.get(name);
    const frame = { ...envelope, forumName: FORUM_NAME };
    const subject = template.subject(data).replace(/\s+/g, ' ').trim();
    return {
      subject,
      text: this.textLayout({ ...frame, body: template.text(data).trim() }),
      html: this.htmlLayout({ ...frame, subject, body: template.html(data).trim() }),
      headers: template.headers?.(data as never),
    };
  }

  /** The link or code a development mailbox logs for this message, if its template says. */
  loggedLine(name: string, data: unknown): string | undefined {
    return this.get(name).logged?.(data as never);
  }

  private get(name: string): Compiled {
    const template = this.templates.get(name);
    if (!template) throw new Error(`No mail template is registered as ${name}`);
    return template;
  }
}
