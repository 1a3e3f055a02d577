import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes anything, but there is no reason to spend a second on a 1 MB "password". */
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, in words the person can act on; null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  const normalisedEmail = email.trim().toLowerCase();
  if (lower === normalisedEmail || lower === normalisedEmail.split('@')[0]) {
    return 'The password must not be your email address.';
  }
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) {
    return 'This password is too common and easy to guess. Choose a longer phrase of unrelated words.';
  }
  return null;
}
