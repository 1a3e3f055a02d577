import type { HttpResponse } from './http.js';

/**
 * What is wrong with a response by the API's error contract: never a 5xx, and every
 * error as RFC 9457 problem details. Empty when it holds.
 */
export function problemViolations(response: HttpResponse): string[] {
  const faults: string[] = [];
  if (response.status >= 500) faults.push(`server error ${response.status}`);
  if (response.status < 400) return faults;
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json'))
    faults.push(`content-type "${type}" is not application/problem+json`);
  const body = response.body as Record<string, unknown> | string;
  if (typeof body !== 'object' || body === null) return [...faults, 'body is not a JSON object'];
  for (const field of ['type', 'title', 'detail'] as const) {
    if (typeof body[field] !== 'string' || (body[field] as string).length === 0) faults.push(`problem has no ${field}`);
  }
  if (body.status !== response.status)
    faults.push(`problem status ${String(body.status)} differs from HTTP ${response.status}`);
  return faults;
}

/** A short description of a response for failure messages. */
export function describeResponse(response: HttpResponse): string {
  return `${response.status} ${response.headers.get('content-type') ?? ''} ${response.text.slice(0, 300)}`;
}
