import { useCallback, useEffect, useState } from 'react';

import { api } from '../api/client';
import type { Profile } from '../api/types';
import { useSession } from '../auth/use-session';

/**
 * Someone's account status (active or suspended). A public profile does not carry it, and only
 * the admin member list does; moderators learn it from the answer to their own action.
 */
export function useAccountStatus(person: { id: string; handle: string }) {
  const { user } = useSession();
  const [status, setStatus] = useState<Profile | null>(null);
  useEffect(() => {
    if (user?.role !== 'admin') return;
    let current = true;
    void api.GET('/api/admin/users', { params: { query: { query: person.handle, limit: 20 } } }).then(({ data }) => {
      const found = data?.items.find((item) => item.id === person.id);
      if (current && found) setStatus(found);
    });
    return () => {
      current = false;
    };
  }, [person.id, person.handle, user?.role]);
  return { status, learned: useCallback((profile: Profile) => setStatus(profile), []) };
}
