import { Link } from 'react-router';

import { usePageTitle } from '../layout/use-page-title';

/** Help for a newcomer: what each part of the forum is for and who to ask. Linked from every page's footer. */
export function HelpPage() {
  usePageTitle('Help using the forum');
  return (
    <>
      <h1>Help using the forum</h1>
      <p>
        The Collaboratives Forum is where leaders of NHS trusts in provider collaboratives ask each other questions and
        share what worked.
      </p>
      <h2>Asking and answering</h2>
      <p>
        Open a <Link to="/collaboratives">collaborative</Link> and choose &quot;Ask a question&quot;. Replies appear as
        they are posted. The person who asked can mark the reply that answered it.
      </p>
      <h2>Case studies</h2>
      <p>
        <Link to="/practices">Case studies</Link> describe a change a trust made and what it achieved, with its outcome
        measures. Save a draft as often as you like; only you and your co-authors see it until you publish. Once
        published, changes you save are published at once.
      </p>
      <h2>Following and notifications</h2>
      <p>
        Follow a collaborative to see its threads on your home page and choose which notifications you get in{' '}
        <Link to="/account/following">your notification settings</Link>.
      </p>
      <h2>If something is wrong</h2>
      <p>
        Use &quot;Report&quot; under any post that breaks the rules or shares patient-identifiable data: moderators
        review every report. You can edit or delete your own posts and comments at any time.
      </p>
      <h2>Your account</h2>
      <p>
        Change your profile, password and the devices signed in from <Link to="/account">your account</Link>. If you are
        locked out, ask your collaborative lead or a forum administrator.
      </p>
    </>
  );
}
