import type { HelmetOptions } from 'helmet';

import { securityHeaders } from './security-headers.js';

type Directives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean>>['directives'];

const STRICT: Directives = {
  defaultSrc: [`'self'`],
  // Stylesheets from the site only: an injected `style="…"` or <style> cannot restyle a page
  // (to overlay a fake sign-in form, say). Styles set from scripts through the CSSOM still work.
  styleSrc: [`'self'`],
  imgSrc: [`'self'`, 'data:'],
  // The NHS.UK design system's Frutiger typeface is licensed for NHS services and only served from here.
  fontSrc: [`'self'`, 'https://assets.nhs.uk'],
  scriptSrc: [`'self'`],
  connectSrc: [`'self'`],
};

/** Swagger UI styles itself inline, so its pages, and only they, allow that. */
const DOCS: Directives = { ...STRICT, styleSrc: [`'self'`, `'unsafe-inline'`] };

const isDocs = (url: string) => url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');

/** The security headers for a request, worked out once per policy at start-up. */
export function pageSecurityHeaders(): (url: string) => Record<string, string> {
  const strict = securityHeaders({ contentSecurityPolicy: { directives: STRICT } });
  const docs = securityHeaders({ contentSecurityPolicy: { directives: DOCS } });
  return (url) => (isDocs(url) ? docs : strict);
}
