import { useState } from 'react';

/**
 * A button that changes something on the API and shows the answer: busy while in flight, and
 * the API's reason when it refuses (a locked thread, your own post).
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function run<T>(call: () => Promise<{ data?: T; error?: { detail: string } }>, done?: (data: T) => void) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { data, error } = await call();
      if (error) setProblem(error.detail);
      else done?.(data as T);
    } catch {
      setProblem('The forum could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, run };
}
