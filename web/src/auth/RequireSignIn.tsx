import { Navigate, Outlet, useLocation } from 'react-router';

import type { Role } from '../api/types';
import { NotAllowedPage } from '../pages/NotAllowedPage';
import { useSession } from './use-session';

/** Pages inside need a signed-in person (and, with `role`, that role); others are sent to sign in first. */
export function RequireSignIn({ role }: { role?: Role }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring')
    return (
      <p className="nhsuk-body" role="status">
        Signing you back in…
      </p>
    );
  if (state.status === 'signed-out') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (role && state.user.role !== role) return <NotAllowedPage />;
  return <Outlet />;
}
