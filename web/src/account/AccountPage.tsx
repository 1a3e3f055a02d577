import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { Profile } from '../api/types';
import { useSession } from '../auth/use-session';
import { type Detail, DetailsList } from '../layout/DetailsList';
import { FlashBanner } from '../layout/FlashBanner';
import { usePageTitle } from '../layout/use-page-title';
import { ROLE_LABELS, SECTOR_LABELS } from '../users/labels';

function profileDetails(user: Profile): Detail[] {
  const details: Array<[string, string]> = [
    ['Full name', user.displayName],
    ['Handle', `@${user.handle}`],
    ['Organisation', user.organisation],
    ['Job title', user.jobTitle],
    ['Sector', SECTOR_LABELS[user.sector]],
    ['About you', user.bio || 'Not given'],
  ];
  return details.map(([key, value]) => ({ key, value, changeAt: '/account/profile' }));
}

function signInDetails(user: Profile): Detail[] {
  return [
    { key: 'Email address', value: user.email, changeAt: '/account/email' },
    { key: 'Password', value: 'Hidden', changeAt: '/account/password' },
    { key: 'Role', value: <Tag modifier={user.role === 'member' ? 'grey' : 'blue'}>{ROLE_LABELS[user.role]}</Tag> },
    // Until the forum lists its members, an admin finds someone by this ID: plain text, not code.
    { key: 'Member ID (for an admin who manages your role)', value: user.id },
  ];
}

/** Your profile at a glance, with the ways to change it and your sign-in settings. */
export function AccountPage() {
  const { user } = useSession();
  usePageTitle('Your account');
  if (!user) return null;
  return (
    <>
      <FlashBanner />
      <h1>Your account</h1>
      <h2>Your profile</h2>
      <DetailsList details={profileDetails(user)} />
      <h2>Sign-in details</h2>
      <DetailsList details={signInDetails(user)} />
      <h2>Settings</h2>
      <ul className="nhsuk-list">
        <li>
          <Link to="/account/email-notifications">Email notifications</Link>
        </li>
        <li>
          <Link to="/account/following">Notifications from collaboratives you follow</Link>
        </li>
        <li>
          <Link to="/account/join-requests">Your requests to join collaboratives</Link>
        </li>
        <li>
          <Link to="/account/sessions">Devices signed in to your account</Link>
        </li>
        <li>
          <Link to={`/people/${user.handle}`}>Your public profile</Link>
        </li>
      </ul>
    </>
  );
}
