import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../users/demo-accounts.js';

const ROLE_WORDS: Record<string, string> = { admin: 'Admin', moderator: 'Moderator', member: 'Member' };

/**
 * The demo accounts as a short table for the terminal `npm start` runs in, so a newcomer finds
 * how to sign in without reading a log line:
 *
 *   Sign in with any demo account; the password is Collaborate-and-learn-2026
 *   Email                            Role       Name
 *   admin@example.nhs.uk             Admin      Priya Shah
 */
export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map((account) => [
    account.email,
    ROLE_WORDS[account.role] ?? account.role,
    account.displayName,
  ]);
  const table = [['Email', 'Role', 'Name'], ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const lines = table.map(
    (row) =>
      `  ${row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('   ')
        .trimEnd()}`,
  );
  return `\nSign in with any demo account; the password is ${DEMO_PASSWORD}\n${lines.join('\n')}\n\n`;
}
