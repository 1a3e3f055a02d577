/**
 * The path of the first string (or key) holding U+0000, or null. PostgreSQL text and
 * jsonb cannot store it, so it must be refused as input, not met as a database error.
 */
export function pathOfNulCharacter(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return itemPath;
    const found = pathOfNulCharacter(item, itemPath);
    if (found !== null) return found;
  }
  return null;
}
