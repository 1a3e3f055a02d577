import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, test } from '@jest/globals';

import { InvalidConfigError, loadConfig } from './app-config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'forum-config-'));

describe('loadConfig', () => {
  test('defaults give a working development setup', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.nodeEnv).toBe('development');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.allowedEmailDomains).toEqual([]);
  });

  test('a bad PORT names the variable and what it expects', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() })).toThrow(InvalidConfigError);
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: dataDir() })).toThrow(
      /^PORT expects a whole number from 0 to 65535 \(got "abc"\)$/,
    );
  });

  test('production without JWT_SECRET, or with a short one, refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(
      /^JWT_SECRET is required/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /^JWT_SECRET expects at least 32 characters/,
    );
  });

  test('development generates a secret once and keeps it in DATA_DIR', () => {
    const folder = dataDir();
    const first = loadConfig({ DATA_DIR: folder });
    const second = loadConfig({ DATA_DIR: folder });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(folder, 'jwt-secret'), 'utf8')).toBe(first.jwtSecret);
  });

  test('with DATABASE_URL the demo data is off unless asked for', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgresql://forum@db:5432/forum' });
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'postgres://a@b/c', SEED_DEMO: 'true' }).seedDemo).toBe(
      true,
    );
  });

  test('TRUST_PROXY names the trusted proxies, or trusts every hop or none', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
    ]);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir() }).trustProxy).toBe(false);
  });

  test.each([
    [
      'TRUST_PROXY',
      '10.0.0.0/8, the proxy',
      /TRUST_PROXY expects true, false, or the proxies' addresses.*"the proxy" is none/,
    ],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL expects a URL starting with postgres: or postgresql:/],
    ['SEED_DEMO', 'maybe', /SEED_DEMO expects true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL expects one of fatal, error/],
    [
      'ALLOWED_EMAIL_DOMAINS',
      'nhs.net, not a domain',
      /ALLOWED_EMAIL_DOMAINS expects a comma-separated list of email domains/,
    ],
    ['RATE_LIMIT_GENERAL', '0', /RATE_LIMIT_GENERAL expects a whole number/],
  ])('%s=%s is refused with a clear message', (name, value, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), [name]: value })).toThrow(message);
  });

  test('email domains are normalised', () => {
    expect(
      loadConfig({ DATA_DIR: dataDir(), ALLOWED_EMAIL_DOMAINS: ' NHS.net, @nhs.uk ' }).allowedEmailDomains,
    ).toEqual(['nhs.net', 'nhs.uk']);
  });

  describe('mail', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), DATA_DIR: '/nonexistent' };

    test('the development mailbox is the default without SMTP_URL, SMTP with it', () => {
      expect(loadConfig({ DATA_DIR: dataDir() }).mail.transport).toBe('mailbox');
      const smtp = loadConfig({ DATA_DIR: dataDir(), SMTP_URL: 'smtp://127.0.0.1:2525' }).mail;
      expect(smtp).toMatchObject({ transport: 'smtp', smtpUrl: 'smtp://127.0.0.1:2525', giveUpHours: 48 });
    });

    test('production without SMTP_URL refuses to start unless the mailbox is chosen', () => {
      expect(() => loadConfig(production)).toThrow(/^SMTP_URL is required when NODE_ENV=production/);
      expect(loadConfig({ ...production, MAIL_TRANSPORT: 'mailbox' }).mail.transport).toBe('mailbox');
    });

    test('production requires STARTTLS unless the URL says otherwise', () => {
      const url = (SMTP_URL: string) => loadConfig({ ...production, SMTP_URL }).mail.smtpUrl;
      expect(url('smtp://mx.example.nhs.uk:587')).toBe('smtp://mx.example.nhs.uk:587?requireTLS=true');
      expect(url('smtp://mail-catcher:1025?ignoreTLS=true')).toBe('smtp://mail-catcher:1025?ignoreTLS=true');
      expect(url('smtps://mx.example.nhs.uk')).toBe('smtps://mx.example.nhs.uk');
    });

    test('DKIM needs both its key and its selector', () => {
      expect(() => loadConfig({ DATA_DIR: dataDir(), DKIM_SELECTOR: 'forum' })).toThrow(/DKIM_PRIVATE_KEY and/);
      const dkim = loadConfig({ DATA_DIR: dataDir(), DKIM_SELECTOR: 'forum', DKIM_PRIVATE_KEY: 'a\\nb' }).mail.dkim;
      expect(dkim).toEqual({ selector: 'forum', privateKey: 'a\nb' });
    });
  });
});
