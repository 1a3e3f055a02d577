/**
 * Names that pose as forum staff or as the forum itself: "admin", "Site Administrator",
 * "Forum Moderator", "NHS England", "Collaboratives Forum". Members may not take them
 * (staff may, and admins may grant them); see UsersService.
 *
 * The rule matches whole names only: optional leading words, one core word, optional
 * trailing words and an optional number, after normalising case, accents, look-alike
 * digits and separators. A real name that merely contains such a word ("Admin Smith",
 * "Modupe Adeyemi", "Supporting Lead") is not matched.
 */

/** Words that say "the forum speaks here" on their own. */
const CORE_WORDS = [
  'admin',
  'admins',
  'administrator',
  'administrators',
  'sysadmin',
  'superadmin',
  'root',
  'webmaster',
  'moderator',
  'moderators',
  'mod',
  'mods',
  'support',
  'helpdesk',
  'staff',
  'system',
  'nhs',
  'nhsengland',
  'nhse',
  'forum',
  'collaboratives',
  'collaborativesforum',
];
/** Words that dress a core word up: "Site Admin", "The Official Forum Moderator". */
const LEADING_WORDS = [
  'the',
  'official',
  'site',
  'forum',
  'community',
  'collaboratives',
  'collaborativesforum',
  'nhs',
  'nhsengland',
  'head',
  'chief',
  'lead',
  'senior',
  'technical',
  'tech',
  'it',
  'customer',
];
/** "Support Team", "Moderator Account", "Staff Official". */
const TRAILING_WORDS = [
  'team',
  'teams',
  'staff',
  'account',
  'official',
  'desk',
  'service',
  'services',
  'office',
  'bot',
  'hq',
];

/**
 * Characters people use for letters: digits and symbols ("Adm1n", "Moder@tor"; 1 passes for
 * both i and l), and Cyrillic and Greek letters drawn like Latin ones ("Аdmin" with a
 * Cyrillic А), which NFKD does not fold. Capitals too, as PostgreSQL's lower() may leave
 * non-Latin letters alone.
 */
const LOOK_ALIKES: Record<string, string> = {
  a: 'a4@аАαΑ',
  c: 'cсС',
  d: 'dԁԀ',
  e: 'e3еЕεΕ',
  h: 'hһҺ',
  i: 'i1іІιΙ',
  j: 'jјЈ',
  l: 'l1ӏ',
  o: 'o0оОοΟ',
  p: 'pрРρΡ',
  s: 's5$ѕЅ',
  t: 't7тТτΤ',
  x: 'xхХχΧ',
  y: 'yуУ',
};

/*
 * Both patterns are written in the syntax JavaScript and PostgreSQL's regular expressions
 * share (escapes \xhh and \uhhhh, (?:…), {m,n}), so the admin list can run them in SQL.
 */
/** Combining accents, left over once NFKD has split "Ådmin" into "A" and a ring. */
const MARKS = '[\\u0300-\\u036f]';
/**
 * Separators: every ASCII character but lower-case letters, digits, @ and $ (spaces,
 * `-`, `_`, `.`, and the rest of the punctuation), and the invisible or odd spaces that
 * NFKD leaves alone (soft hyphen, zero-width and bidirectional marks, BOM).
 */
const SEPARATORS =
  '[\\x01-\\x23\\x25-\\x2f\\x3a-\\x3f\\x5b-\\x60\\x7b-\\x7f\\u00ad\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u3000\\ufeff]';

const word = (text: string) =>
  [...text].map((letter) => (LOOK_ALIKES[letter] ? `[${LOOK_ALIKES[letter]}]` : letter)).join('');
const anyOf = (words: string[]) => `(?:${words.map(word).join('|')})`;
/** Bounded repeats keep the match cheap whatever the input. */
const RESERVED = `^${anyOf(LEADING_WORDS)}{0,3}${anyOf(CORE_WORDS)}${anyOf(TRAILING_WORDS)}{0,2}[0-9]*$`;

const marks = new RegExp(MARKS, 'g');
const separators = new RegExp(SEPARATORS, 'g');
const reserved = new RegExp(RESERVED);

/** The name as the rule sees it: "S1te  Admin" → "s1teadmin" (look-alike digits stay: the pattern knows them). */
export function normaliseName(name: string): string {
  return name.normalize('NFKD').replace(marks, '').toLowerCase().replace(separators, '');
}

export function isReservedName(name: string): boolean {
  return reserved.test(normaliseName(name));
}

/**
 * The same rule as a SQL condition on `column`, for finding people who already hold such
 * a name. Computed per row rather than stored: the admin list is rare and the users table
 * small, and a stored flag would go stale whenever these words change. The patterns are
 * bound as parameters, so the SQL and this module cannot drift apart on the words.
 * `normalize()` needs a UTF8 database, as the forum's are.
 */
export function reservedNameSql(column: string): string {
  return `(regexp_replace(lower(regexp_replace(normalize(${column}, NFKD), :reservedNameMarks, '', 'g')), :reservedNameSeparators, '', 'g') ~ :reservedNamePattern)`;
}

export const RESERVED_NAME_SQL_PARAMETERS = {
  reservedNameMarks: MARKS,
  reservedNameSeparators: SEPARATORS,
  reservedNamePattern: RESERVED,
};
