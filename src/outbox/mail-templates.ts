/**
 * Every mail template, by name, with the variables it renders. Each feature declares its own
 * entries beside its code (see `mail/templates/address-confirmation.ts`) by adding to this
 * interface, the way `DomainEventMap` is filled, so the outbox imports no feature.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MailTemplateMap {}

export type MailTemplateName = keyof MailTemplateMap;

/** Account mail is always sent (codes, resets, moderators' notices); the others can be turned off. */
export const MAIL_CATEGORIES = ['account', 'notification', 'digest'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];
