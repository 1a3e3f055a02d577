/** pino's numeric levels, as a person reads them. */
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Fields every line carries, or that the line's own words already say. */
const SAID = new Set(['level', 'time', 'service', 'context', 'msg', 'pid', 'hostname', 'reqId', 'err']);

interface Entry {
  level: number;
  time?: number;
  context?: string;
  msg?: string;
  err?: { message?: string; stack?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [field: string]: unknown;
}

const clock = (time: number | undefined) => new Date(time ?? Date.now()).toLocaleTimeString('en-GB', { hour12: false });

function words(entry: Entry): string | null {
  // Fastify logs each request twice; its answer says everything the first line did.
  if (entry.msg === 'incoming request') return null;
  if (entry.msg === 'request completed' && entry.req && entry.res) {
    return `${entry.req.method} ${entry.req.url} → ${entry.res.statusCode} (${Math.round(entry.responseTime ?? 0)} ms)`;
  }
  // A field whose words the message already says ("Using embedded PostgreSQL…") adds nothing.
  const rest = Object.fromEntries(
    Object.entries(entry).filter(
      ([field, value]) => !SAID.has(field) && !(typeof value === 'string' && entry.msg?.includes(value)),
    ),
  );
  const extra = Object.keys(rest).length > 0 ? `  ${JSON.stringify(rest)}` : '';
  const context = entry.context ? `${entry.context}: ` : '';
  const error = entry.err?.stack ? `\n${entry.err.stack}` : entry.err?.message ? ` (${entry.err.message})` : '';
  return `${context}${entry.msg ?? ''}${extra}${error}`;
}

/**
 * Where pino writes when a person watches the terminal (`npm start` in development): one short
 * line per entry, "09:30:12 info  Collaboratives Forum is listening on …", instead of JSON. Any
 * line that is not pino's JSON passes through as it is.
 */
export function readableLogStream(out: { write(text: string): unknown } = process.stdout): {
  write(line: string): void;
} {
  return {
    write(line: string) {
      let entry: Entry;
      try {
        entry = JSON.parse(line) as Entry;
      } catch {
        out.write(line);
        return;
      }
      const said = words(entry);
      if (said !== null)
        out.write(`${clock(entry.time)} ${(LEVELS[entry.level] ?? String(entry.level)).padEnd(5)} ${said}\n`);
    },
  };
}
