import { Link } from 'react-router';

import { usePageTitle } from '../layout/use-page-title';

export function NotAllowedPage() {
  usePageTitle('You cannot open this page');
  return (
    <>
      <h1>You cannot open this page</h1>
      <p>This page is for forum administrators. If you need something changed, ask an administrator.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
