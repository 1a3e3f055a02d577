/**
 * Polls `check` until it gives something truthy and returns that (for work done in the
 * background: notifications, live relay), or fails saying `what` never happened.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  what = 'the condition',
  withinMs = 10_000,
  everyMs = 50,
): Promise<NonNullable<T>> {
  for (let waited = 0; waited < withinMs; waited += everyMs) {
    const found = await check();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`${what} never held within ${withinMs} ms`);
}
