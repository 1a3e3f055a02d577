import { Button, Card } from 'nhsuk-react-components';
import { Link } from 'react-router';

import { useSession } from '../auth/use-session';
import { HomeFeed } from '../feed/HomeFeed';
import { FlashBanner } from '../layout/FlashBanner';
import { usePageTitle } from '../layout/use-page-title';

const SECTIONS = [
  {
    to: '/collaboratives',
    heading: 'Collaboratives',
    description: 'Find the provider collaboratives you work in, follow them and join their discussions.',
  },
  {
    to: '/practices',
    heading: 'Best practice',
    description: 'Case studies from trusts, with the outcomes they measured before and after.',
  },
  {
    to: '/search',
    heading: 'Search',
    description: 'Questions, answers and case studies across every collaborative you can see.',
  },
];

function Welcome() {
  return (
    <>
      <h1>Collaboratives Forum</h1>
      <p className="nhsuk-lede-text">
        Peer learning for the leaders of NHS trusts working together in provider collaboratives.
      </p>
      <p>Ask your peers, follow the collaboratives that matter to you and share what has worked in your trust.</p>
      <Button asElement={Link} to="/sign-in" href="/sign-in">
        Sign in
      </Button>
      <p>
        New here? <Link to="/register">Create an account</Link> with your work email address.
      </p>
    </>
  );
}

function SignedInHome({ name }: { name: string }) {
  return (
    <>
      <FlashBanner />
      <h1>Home</h1>
      <p className="nhsuk-lede-text">Signed in as {name}.</p>
      <Card.Group>
        {SECTIONS.map((section) => (
          <Card.GroupItem key={section.to} width="one-third">
            <Card clickable>
              <Card.Heading headingLevel="h2" className="nhsuk-heading-m">
                <Card.Link asElement={Link} to={section.to} href={section.to}>
                  {section.heading}
                </Card.Link>
              </Card.Heading>
              <Card.Description>{section.description}</Card.Description>
            </Card>
          </Card.GroupItem>
        ))}
      </Card.Group>
      <HomeFeed />
    </>
  );
}

export function HomePage() {
  const state = useSession();
  usePageTitle(state.status === 'signed-in' ? 'Home' : 'Welcome');
  return state.status === 'signed-in' ? <SignedInHome name={state.user.displayName} /> : <Welcome />;
}
