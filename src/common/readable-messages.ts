/**
 * class-validator's default messages in words a person filling in a form can act on. They keep
 * the property first ("title must be 5 characters or more"), because clients put their field's
 * label in its place; messages a DTO words itself pass through unchanged.
 */
const DEFAULTS: Array<[RegExp, string]> = [
  [/^must be longer than or equal to (\d+) characters$/, 'must be $1 characters or more'],
  [/^must be shorter than or equal to (\d+) characters$/, 'must be $1 characters or fewer'],
  [/^must contain no more than (\d+) elements$/, 'can have $1 entries at most'],
  [/^must contain at least (\d+) elements$/, 'needs at least $1 entries'],
  [/^should not be empty$/, 'needs at least one entry'],
  [/^must be a string$/, 'must be text'],
  [/^must be a UUID$/, 'must be an id (a UUID)'],
  [/^must be one of the following values: (.*)$/, 'must be one of: $1'],
  [/^must not be less than (\S+)$/, 'must be $1 or more'],
  [/^must not be greater than (\S+)$/, 'must be $1 or less'],
  [/^must be an integer number$/, 'must be a whole number'],
  [/^must be a number conforming to the specified constraints$/, 'must be a number'],
  [/^must be a boolean value$/, 'must be true or false'],
  [/^must be a Date instance$/, 'must be a date and time'],
  [/^must be an email$/, 'must be an email address such as name@nhs.net'],
];

function reword(rest: string): string | null {
  for (const [pattern, words] of DEFAULTS) if (pattern.test(rest)) return rest.replace(pattern, words);
  return null;
}

export function readableMessage(property: string, message: string): string {
  if (message.startsWith(`${property} `)) {
    const reworded = reword(message.slice(property.length + 1));
    return reworded ? `${property} ${reworded}` : message;
  }
  // Rules with `each: true` say "each value in tags must be…".
  const each = `each value in ${property} `;
  if (message.startsWith(each)) {
    const reworded = reword(message.slice(each.length));
    return reworded ? `${property}: each entry ${reworded}` : message;
  }
  if (message === `All ${property}'s elements must be unique`) return `${property} must not list an entry twice`;
  return message;
}
