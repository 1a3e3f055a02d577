import type { MailTemplates } from '../mail-templates.service.js';
import { EMAIL_CHANGED } from './email-change.js';
import { PASSWORD_CHANGED } from './password-changed.js';
import { PASSWORD_RESET } from './password-reset.js';
import { REGISTRATION_ATTEMPT } from './registration-attempt.js';

/** The account mail auth/ queues (registration, resets, changes of address), besides the address confirmation. */
export function registerAccountTemplates(templates: MailTemplates): void {
  templates.register('password-reset', PASSWORD_RESET);
  templates.register('password-changed', PASSWORD_CHANGED);
  templates.register('registration-attempt', REGISTRATION_ATTEMPT);
  templates.register('email-changed', EMAIL_CHANGED);
}
