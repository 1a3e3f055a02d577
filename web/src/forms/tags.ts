/** Tags as people type them ("Elective recovery, diagnostics") in the API's form: lower-case slugs. */
export function parseTags(typed: string): string[] {
  return typed
    .split(',')
    .map((tag) =>
      tag
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
    )
    .filter((tag, index, all) => tag !== '' && all.indexOf(tag) === index);
}
