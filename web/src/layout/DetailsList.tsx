import { SummaryList } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface Detail {
  key: string;
  value: ReactNode;
  /** Where to change it; the link's hidden text names the detail for screen readers. */
  changeAt?: string;
}

/** An NHS.UK summary list of details, each with an optional "Change" link. */
export function DetailsList({ details }: { details: Detail[] }) {
  return (
    <SummaryList>
      {details.map(({ key, value, changeAt }) => (
        <SummaryList.Row key={key}>
          <SummaryList.Key>{key}</SummaryList.Key>
          <SummaryList.Value>{value}</SummaryList.Value>
          {changeAt && (
            <SummaryList.Action asElement={Link} to={changeAt} href={changeAt} visuallyHiddenText={key.toLowerCase()}>
              Change
            </SummaryList.Action>
          )}
        </SummaryList.Row>
      ))}
    </SummaryList>
  );
}
