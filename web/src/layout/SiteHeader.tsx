import { Header } from 'nhsuk-react-components';
import { Link, useLocation, useNavigate } from 'react-router';

import type { SessionState } from '../api/session';
import { signOut } from '../auth/sign-out';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { useModerationAccess } from '../moderation/use-moderation-access';
import { NotificationsBell } from '../notifications/NotificationsBell';
import { SERVICE_NAME } from './use-page-title';

const SECTIONS = [
  { to: '/', text: 'Home' },
  { to: '/collaboratives', text: 'Collaboratives' },
  { to: '/practices', text: 'Practices' },
  { to: '/search', text: 'Search' },
];

function isCurrent(section: string, path: string): boolean {
  return section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`);
}

function SignedInHeader({ user }: { user: NonNullable<SessionState['user']> }) {
  const path = useLocation().pathname;
  const navigate = useNavigate();
  const { moderates } = useModerationAccess();
  const sections = [
    ...SECTIONS,
    ...(moderates ? [{ to: '/moderation', text: 'Moderation' }] : []),
    ...(user.role === 'admin' ? [{ to: '/admin/users', text: 'Admin' }] : []),
  ];
  return (
    // nhsuk-frontend's header script moves navigation items into a "More" menu on narrow
    // screens, behind React's back; a new key when the set of items changes starts it afresh.
    <Header key={sections.length} service={{ text: SERVICE_NAME, href: '/' }} logo={{ href: '/' }}>
      <Header.Account>
        <ConnectionIndicator />
        <NotificationsBell />
        <Header.AccountItem asElement={Link} to="/account" href="/account" icon>
          {user.displayName}
        </Header.AccountItem>
        <Header.AccountItem
          formProps={{
            onSubmit: async (event) => {
              event.preventDefault();
              await signOut();
              navigate('/sign-in', { state: { flash: 'You have signed out' } });
            },
          }}
          type="submit"
        >
          Sign out
        </Header.AccountItem>
      </Header.Account>
      <Header.Navigation>
        {sections.map((section) => (
          <Header.NavigationItem
            key={section.to}
            asElement={Link}
            to={section.to}
            current={isCurrent(section.to, path)}
          >
            {section.text}
          </Header.NavigationItem>
        ))}
      </Header.Navigation>
    </Header>
  );
}

function SignedOutHeader() {
  return (
    <Header service={{ text: SERVICE_NAME, href: '/' }} logo={{ href: '/' }}>
      <Header.Account>
        <Header.AccountItem asElement={Link} to="/sign-in" href="/sign-in">
          Sign in
        </Header.AccountItem>
        <Header.AccountItem asElement={Link} to="/register" href="/register">
          Create an account
        </Header.AccountItem>
      </Header.Account>
    </Header>
  );
}

export function SiteHeader({ state }: { state: SessionState }) {
  return state.status === 'signed-in' ? <SignedInHeader user={state.user} /> : <SignedOutHeader />;
}
