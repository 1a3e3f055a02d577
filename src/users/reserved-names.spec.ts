import { describe, expect, test } from '@jest/globals';

import { isReservedName, normaliseName } from './reserved-names.js';

describe('reserved names', () => {
  test.each([
    // Staff titles and the forum's own names, alone.
    'admin',
    'Administrator',
    'moderator',
    'mod',
    'support',
    'helpdesk',
    'staff',
    'system',
    'nhs-england',
    'Collaboratives Forum',
    // Dressed up with leading and trailing words.
    'Site Administrator',
    'Forum Moderator',
    'Support Team',
    'NHS England',
    'The Official Forum Moderator',
    'Moderator Account',
    'IT Help Desk',
    // Look-alike digits, case, accents and separators.
    'Adm1n',
    // Cyrillic А and о, Greek Ο: letters drawn like Latin ones.
    '\u0410dmin',
    'm\u043ederator',
    'Supp\u039Frt Team',
    'ADMIN',
    'mod_erator',
    'S1te Admin',
    'M0derat0r',
    'Moder@tor',
    '$upport',
    'He1pdesk',
    'sys.tem',
    'Ådmin',
    'ａｄｍｉｎ',
    'Site\u00a0Admin',
    'Ad\u200bmin',
    'Forum - Moderator!',
    // A number after it changes nothing.
    'admin-2',
    'moderator01',
  ])('%s is reserved', (name) => {
    expect(isReservedName(name)).toBe(true);
  });

  test.each([
    // Real people whose names or titles merely contain such a word.
    'Admin Smith',
    'Modupe Adeyemi',
    'Supporting Lead',
    'Sarah Whitfield',
    'Staff Nurse Lead',
    'Systems Director',
    'Amod Patel',
    'Simon Moderate',
    'Forum Lead',
    'Tom Okafor',
    'admin-smith',
    'modupe-adeyemi',
    'Priya Shah',
    'Nhsenglandia',
    'Sys Admin Jones',
  ])('%s is not reserved', (name) => {
    expect(isReservedName(name)).toBe(false);
  });

  test('normalising folds case, accents and separators but keeps the look-alike digits for the pattern', () => {
    expect(normaliseName(' S1te  Ádmin-_. ')).toBe('s1teadmin');
  });
});
