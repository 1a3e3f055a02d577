import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { QueueItem, ResolveAction } from '../api/types';
import { formatDateTime, plural } from '../layout/format';
import { REASON_LABELS, TARGET_LABELS } from './labels';
import { ResolveForm } from './ResolveForm';

/** Where the reported item is shown in place, for a moderator to see it in context. */
function placeOf(item: QueueItem): string | null {
  if (item.targetType === 'thread') return `/threads/${item.targetId}`;
  if (item.targetType === 'reply' && item.threadId) return `/threads/${item.threadId}#reply-${item.targetId}`;
  if ((item.targetType === 'practice' || item.targetType === 'comment') && item.practiceId)
    return `/practices/${item.practiceId}`;
  if (item.targetType === 'user' && item.author) return `/people/${item.author.handle}`;
  return null;
}

/** The words under review, as plain text (the queue sends Markdown as written, never HTML). */
function ReportedContent({ content }: { content: Record<string, unknown> }) {
  const field = (key: string) =>
    typeof content[key] === 'string' && content[key] !== '' ? (content[key] as string) : null;
  const heading = field('title') ?? field('threadTitle') ?? field('practiceTitle') ?? field('displayName');
  const words = field('body') ?? field('summary') ?? field('bio');
  return (
    <blockquote className="app-reported">
      {heading && <p className="nhsuk-u-font-weight-bold nhsuk-u-margin-bottom-2">{heading}</p>}
      {field('jobTitle') && (
        <p className="nhsuk-u-margin-bottom-2">
          {[field('jobTitle'), field('organisation')].filter(Boolean).join(', ')}
        </p>
      )}
      {words ? <p className="app-plain">{words}</p> : <p className="app-meta">No text</p>}
    </blockquote>
  );
}

interface Props {
  item: QueueItem;
  onResolved(item: QueueItem, action: ResolveAction): void;
}

/** One reported item: its content, every reporter's reason, the author's history, and the decision. */
export function QueueItemView({ item, onResolved }: Props) {
  const what = TARGET_LABELS[item.targetType];
  const name = `the ${what} by ${item.author?.displayName ?? 'a deleted account'}`;
  const place = placeOf(item);
  const headingId = `item-${item.targetId}`;
  return (
    <section className="app-queue-item" aria-labelledby={headingId}>
      <h2 id={headingId} className="nhsuk-heading-m nhsuk-u-margin-bottom-2">
        Reported {what} by {item.author?.displayName ?? 'a deleted account'}
      </h2>
      <p className="app-meta">
        {plural(item.reports.length, 'report')} · first {formatDateTime(item.oldestReportAt)}{' '}
        {item.hidden && <Tag modifier="grey">Hidden</Tag>}
        {place && (
          <>
            {' '}
            ·{' '}
            <Link to={place}>
              See it in place<span className="nhsuk-u-visually-hidden"> ({name})</span>
            </Link>
          </>
        )}
      </p>
      <ReportedContent content={item.content as Record<string, unknown>} />
      <h3 className="nhsuk-heading-s">Reasons given</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {item.reports.map((report) => (
          <li key={report.id}>
            <strong>{REASON_LABELS[report.reason].label}</strong> from {report.reporter.displayName},{' '}
            {formatDateTime(report.createdAt)}
            {report.details && <span className="app-plain">: {report.details}</span>}
          </li>
        ))}
      </ul>
      <h3 className="nhsuk-heading-s">The author’s moderation history</h3>
      {item.authorHistory.length === 0 ? (
        <p>No earlier moderation actions.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {item.authorHistory.map((action) => (
            <li key={`${action.action}-${action.targetId}-${action.createdAt}`}>
              {action.action} ({action.targetType}), {formatDateTime(action.createdAt)}
              {action.reason && `: ${action.reason}`}
            </li>
          ))}
        </ul>
      )}
      <ResolveForm item={item} name={name} onResolved={(action) => onResolved(item, action)} />
    </section>
  );
}
