import { api } from '../api/client';
import { useLoad } from '../api/use-load';

/** The collaboratives someone can read, by name, for a select. (Up to 100: the directory's largest page.) */
export function useCollaborativeOptions(): { id: string; name: string }[] {
  const [loaded] = useLoad(
    () => api.GET('/api/collaboratives', { params: { query: { limit: 100, sort: 'name' } } }),
    'collaborative-options',
  );
  return loaded.status === 'loaded'
    ? loaded.data.items.filter((item) => item.viewer.canRead).map(({ id, name }) => ({ id, name }))
    : [];
}
