import { BackLink } from 'nhsuk-react-components';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { FlashBanner } from '../layout/FlashBanner';
import { usePageTitle } from '../layout/use-page-title';
import type { FormError } from './form-errors';
import { FormErrorSummary } from './FormErrorSummary';

interface Props {
  title: string;
  errors: FormError[];
  attempt: number;
  back?: { to: string; text: string };
  children: ReactNode;
}

/**
 * The NHS.UK frame of a page that is one form: two-thirds width, a back link, what the last
 * page did, the error summary above the heading, and the title (with "Error:" while it shows).
 */
export function FormPage({ title, errors, attempt, back, children }: Props) {
  usePageTitle(title, errors.length > 0);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {back && (
          <BackLink asElement={Link} to={back.to} href={back.to}>
            {back.text}
          </BackLink>
        )}
        <FlashBanner />
        <FormErrorSummary errors={errors} attempt={attempt} />
        <h1>{title}</h1>
        {children}
      </div>
    </div>
  );
}
