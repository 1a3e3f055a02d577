/** Polls `check` until it holds (for work done in the background: notifications, live relay), or fails saying `what` never happened. */
export async function eventually(check: () => Promise<boolean>, what = 'the condition', withinMs = 5_000): Promise<void> {
  for (let waited = 0; waited < withinMs; waited += 50) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} never held within ${withinMs} ms`);
}
