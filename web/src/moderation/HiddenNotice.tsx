import { Tag } from 'nhsuk-react-components';
import type { ReactNode } from 'react';

interface Props {
  /** "reply", "comment", "case study". */
  what: string;
  hidden: boolean;
  /** The API sent a notice instead of the words: this reader is neither the author nor a moderator. */
  masked: boolean;
  reason?: string | null;
  /** The content as the API sent it. */
  children: ReactNode;
}

/**
 * Content as the API returns it for this reader: shown plainly; replaced by a notice for
 * ordinary readers once moderators hid it; shown marked to its author and moderators.
 */
export function HiddenNotice({ what, hidden, masked, reason, children }: Props) {
  if (!hidden) return <>{children}</>;
  if (masked) {
    return (
      <p className="app-meta app-hidden-notice">
        <Tag modifier="grey">Hidden</Tag> This {what} has been hidden by moderators.
      </p>
    );
  }
  return (
    <div className="app-hidden-content">
      <p className="app-meta nhsuk-u-margin-bottom-2">
        <Tag modifier="grey">Hidden</Tag> Hidden by moderators{reason ? `: ${reason.replace(/[.!?]$/, '')}` : ''}.
        Readers see only a notice; you can see it as its author or a moderator.
      </p>
      {children}
    </div>
  );
}
