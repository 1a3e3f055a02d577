import { WarningCallout } from 'nhsuk-react-components';

import type { Problem } from '../api/types';
import { NotFoundPage } from '../pages/NotFoundPage';

/** What to say when a page's content could not be loaded. */
export function LoadProblem({ problem }: { problem: Pick<Problem, 'status' | 'detail'> & { type?: string } }) {
  // A mistyped or cut-off link: the id in the address is not one, so there is no such page.
  if (problem.type === '/problems/not-an-id') return <NotFoundPage />;
  return (
    <WarningCallout>
      <WarningCallout.Heading>{problem.status === 404 ? 'Not found' : 'Could not load this'}</WarningCallout.Heading>
      <p>{problem.status === 404 ? 'It may have been removed, or you may not have access to it.' : problem.detail}</p>
    </WarningCallout>
  );
}
