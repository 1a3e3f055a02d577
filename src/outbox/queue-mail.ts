import { randomUUID } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import { mailDispatchFor } from './mail-dispatch.js';
import type { MailCategory, MailTemplateMap, MailTemplateName } from './mail-templates.js';

/** One email to queue: a template by name, with exactly the variables that template renders. */
export type QueuedMail<T extends MailTemplateName = MailTemplateName> = {
  [K in T]: {
    to: string;
    template: K;
    data: MailTemplateMap[K];
    category: MailCategory;
    recipientId?: string;
    /** Queuing a second message with the same key changes nothing (e.g. `notification:<id>:email`). */
    idempotencyKey?: string;
  };
}[T];

/**
 * Queues one email inside the caller's transaction, so it exists exactly when what caused it
 * committed, and is sent after (at least once: see docs/mail.md). A plain function like
 * `appendAudit`: registration, resets and notifications queue mail without depending on the
 * mail module. Its Message-ID is made here, once, and kept for every attempt.
 */
export async function queueMail(manager: EntityManager, mail: QueuedMail): Promise<void> {
  const dispatch = mailDispatchFor(manager.connection);
  const id = randomUUID();
  const messageId = `<${id}@${dispatch?.messageIdDomain ?? 'localhost'}>`;
  const inserted: unknown[] = await manager.query(
    `INSERT INTO mail_messages (id, message_id, idempotency_key, recipient_id, to_address, category, template, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    [
      id,
      messageId,
      mail.idempotencyKey ?? null,
      mail.recipientId ?? null,
      mail.to,
      mail.category,
      mail.template,
      JSON.stringify(mail.data),
    ],
  );
  if (inserted.length > 0) await dispatch?.schedule(manager, id);
}
