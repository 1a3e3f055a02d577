import { WarningCallout } from 'nhsuk-react-components';

import type { Problem } from '../api/types';
import { LoadProblem } from '../layout/LoadProblem';

/** The queue or audit log could not be shown: a 403 says who may see it, in the API's words. */
export function ModerationProblem({ problem }: { problem: Pick<Problem, 'status' | 'detail'> }) {
  if (problem.status !== 403) return <LoadProblem problem={problem} />;
  return (
    <WarningCallout>
      <WarningCallout.Heading>Only for moderators and leads</WarningCallout.Heading>
      <p>{problem.detail}</p>
      <p>
        Site moderators, admins and the leads of a collaborative can see this. If you think you should, ask a forum
        administrator.
      </p>
    </WarningCallout>
  );
}
