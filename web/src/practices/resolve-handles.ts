import { api } from '../api/client';
import type { FormError } from '../forms/form-errors';

/**
 * Co-authors typed as handles ("@helen-clarke, mark-ellis") as the ids the API wants. The API
 * has no member search, so each handle is looked up; one that matches nobody is a field error.
 */
export async function resolveHandles(
  typed: string,
  field: string,
): Promise<{ ids: string[] } | { errors: FormError[] }> {
  const handles = typed
    .split(',')
    .map((handle) => handle.trim().replace(/^@/, '').toLowerCase())
    .filter(Boolean);
  const found = await Promise.all(
    handles.map((handle) => api.GET('/api/users/by-handle/{handle}', { params: { path: { handle } } })),
  );
  const missing = handles.filter((_, index) => !found[index]!.data);
  if (missing.length > 0)
    return { errors: missing.map((handle) => ({ field, message: `No member has the handle @${handle}` })) };
  return { ids: found.map((answer) => answer.data!.id) };
}
