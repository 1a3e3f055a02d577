import { describe, expect, test } from '@jest/globals';

import { MailTemplates } from './mail-templates.service.js';
import { ADDRESS_CONFIRMATION } from './templates/address-confirmation.js';

const envelope = { to: 'ada@trust.nhs.uk', publicUrl: 'https://forum.example.nhs.uk' };

function templates(): MailTemplates {
  const registry = new MailTemplates();
  registry.register('address-confirmation', ADDRESS_CONFIRMATION);
  return registry;
}

describe('MailTemplates', () => {
  test('renders a subject, a plain-text body and an HTML body with the footer', () => {
    const mail = templates().render(
      'address-confirmation',
      { name: 'Ada', code: '123456', link: 'https://forum.example.nhs.uk/confirm?t=abc' },
      envelope,
    );
    expect(mail.subject).toBe('Confirm your email address: 123456');
    expect(mail.text).toContain('Hello Ada,');
    expect(mail.text).toContain('https://forum.example.nhs.uk/confirm?t=abc');
    expect(mail.text).toContain('This email was sent by Collaboratives Forum to ada@trust.nhs.uk.');
    expect(mail.html).toContain('<html lang="en-GB">');
    expect(mail.html).toContain('background:#005eb8');
    expect(mail.html).toContain('href="https://forum.example.nhs.uk/confirm?t&#x3D;abc"');
    expect(mail.html).toContain('to ada@trust.nhs.uk.');
  });

  test('escapes variables in HTML but leaves the plain text as written', () => {
    const mail = templates().render(
      'address-confirmation',
      { name: '<script>alert(1)</script> & "Bo"', code: '1', link: 'https://x.test/' },
      envelope,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot;');
    expect(mail.text).toContain('Hello <script>alert(1)</script> & "Bo",');
  });

  test('refuses a message whose template or variables are missing, instead of sending gaps', () => {
    expect(() => templates().render('nope' as never, {} as never, envelope)).toThrow(/No mail template/);
    expect(() => templates().render('address-confirmation', { name: 'A' } as never, envelope)).toThrow();
  });

  test('a template name is registered once', () => {
    expect(() => templates().register('address-confirmation', ADDRESS_CONFIRMATION)).toThrow(/twice/);
  });
});
