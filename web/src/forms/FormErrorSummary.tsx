import { ErrorSummary } from 'nhsuk-react-components';

import type { FormError } from './form-errors';

interface Props {
  errors: FormError[];
  /** Changes on every failed submission. */
  attempt: number;
}

/** The NHS.UK error summary: each error links to its field, and the summary takes focus. */
export function FormErrorSummary({ errors, attempt }: Props) {
  if (errors.length === 0) return null;
  // nhsuk-frontend focuses a summary when it starts; a new key per attempt starts a new one,
  // so a second failed submission moves focus back to the summary as the first did.
  return (
    <ErrorSummary key={attempt}>
      <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
      <ErrorSummary.List>
        {errors.map((error) => (
          <ErrorSummary.ListItem key={`${error.field}:${error.message}`} href={error.field && `#${error.field}`}>
            {error.message}
          </ErrorSummary.ListItem>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
