import { Card } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { PracticeSummary } from '../api/types';
import { Tags } from '../layout/Tags';
import { THEME_LABELS } from './labels';
import { describeOutcome } from './outcome-words';

/** A case study in the library: its claim, its headline outcome measures, and its standing. */
export function PracticeCard({ practice }: { practice: PracticeSummary }) {
  const to = `/practices/${practice.id}`;
  return (
    <Card clickable>
      <Card.Heading headingLevel="h2" className="nhsuk-heading-m">
        <Card.Link asElement={Link} to={to} href={to}>
          {practice.title}
        </Card.Link>
      </Card.Heading>
      <Tags
        tags={[
          ...(practice.status === 'draft' ? ['Draft'] : []),
          ...practice.themes.map((theme) => THEME_LABELS[theme]),
        ]}
        label="Themes"
      />
      <Card.Description>{practice.summary}</Card.Description>
      {practice.outcomeMeasures.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-body-s" aria-label="Headline outcomes">
          {practice.outcomeMeasures.slice(0, 2).map((measure) => (
            <li key={measure.label}>{describeOutcome(measure)}</li>
          ))}
        </ul>
      )}
      <p className="app-meta nhsuk-u-margin-bottom-0">
        {practice.author?.organisation ?? ''} · {practice.endorsementCount} endorsement
        {practice.endorsementCount === 1 ? '' : 's'} · {practice.commentCount} comment
        {practice.commentCount === 1 ? '' : 's'}
      </p>
    </Card>
  );
}
