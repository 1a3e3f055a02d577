import { useEffect, useState } from 'react';

import { api } from '../api/client';
import { useSession } from '../auth/use-session';

export interface ModerationAccess {
  /** Site moderators and admins: every collaborative, and suspensions. */
  siteWide: boolean;
  /** The collaboratives this person leads (empty for site staff who lead none). */
  leads: { id: string; name: string }[];
  /** May open the queue and the audit log. */
  moderates: boolean;
}

const NONE: ModerationAccess = { siteWide: false, leads: [], moderates: false };

// Nothing is kept in the browser's storage (a test holds the client to that), so
// this is asked once per person per page load. Leading rarely changes during a visit, and the
// queue itself answers 403 if it has.
const known = new Map<string, Promise<ModerationAccess>>();

function ask(userId: string, siteWide: boolean): Promise<ModerationAccess> {
  let answer = known.get(userId);
  if (!answer) {
    // The profile carries the site role; leading is a membership, listed with `member=true`
    // (100 is the directory's largest page, more than anyone leads).
    answer = api.GET('/api/collaboratives', { params: { query: { member: true, limit: 100, sort: 'name' } } }).then(
      ({ data }) => {
        const leads = (data?.items ?? [])
          .filter((item) => item.viewer.membership === 'lead')
          .map(({ id, name }) => ({ id, name }));
        return { siteWide, leads, moderates: siteWide || leads.length > 0 };
      },
      () => ({ siteWide, leads: [], moderates: siteWide }),
    );
    known.set(userId, answer);
  }
  return answer;
}

/** Whether the signed-in person moderates, and where: decides which links and pages to offer. */
export function useModerationAccess(): ModerationAccess {
  const { user } = useSession();
  const siteWide = user?.role === 'moderator' || user?.role === 'admin';
  const key = user ? `${user.id}:${user.role}` : '';
  // Site staff are known from the profile at once; a lead's link appears when the answer comes.
  const [access, setAccess] = useState<ModerationAccess>(siteWide ? { ...NONE, siteWide, moderates: true } : NONE);
  useEffect(() => {
    if (!key) return setAccess(NONE);
    let current = true;
    void ask(key, siteWide).then((answer) => current && setAccess(answer));
    return () => {
      current = false;
    };
  }, [key, siteWide]);
  return access;
}
