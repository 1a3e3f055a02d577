import { Table } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { AuditRecord } from '../api/types';
import type { ReportTarget } from '../api/types';
import { formatDateTime } from '../layout/format';
import { AUDIT_ACTION_LABELS, TARGET_LABELS } from './labels';

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The changed fields, before → after, as plain text. */
function Changes({ before, after }: { before: Record<string, unknown>; after: Record<string, unknown> }) {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return <>No change</>;
  return (
    <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
      {keys.map((key) => (
        <li key={key} className="app-plain">
          {key}: {key in before ? show(before[key]) : '–'} → {key in after ? show(after[key]) : '–'}
        </li>
      ))}
    </ul>
  );
}

function Item({ record }: { record: AuditRecord }) {
  const kind = TARGET_LABELS[record.targetType as ReportTarget] ?? record.targetType;
  const place =
    record.targetType === 'thread'
      ? `/threads/${record.targetId}`
      : record.targetType === 'practice'
        ? `/practices/${record.targetId}`
        : null;
  return (
    <>
      {place ? (
        <Link to={place}>{kind.charAt(0).toUpperCase() + kind.slice(1)}</Link>
      ) : (
        kind.charAt(0).toUpperCase() + kind.slice(1)
      )}{' '}
      <span className="app-meta app-plain">{record.targetId}</span>
    </>
  );
}

/** One audit record: when, who, what, on which item, why, and what changed. */
export function AuditRecordRow({ record }: { record: AuditRecord }) {
  return (
    <Table.Row>
      <Table.Cell>{formatDateTime(record.createdAt)}</Table.Cell>
      <Table.Cell>{record.actorName ?? 'The forum (after reports)'}</Table.Cell>
      <Table.Cell>{AUDIT_ACTION_LABELS[record.action] ?? record.action}</Table.Cell>
      <Table.Cell>
        <Item record={record} />
      </Table.Cell>
      <Table.Cell className="app-plain">{record.reason ?? '–'}</Table.Cell>
      <Table.Cell>
        <Changes before={record.before as Record<string, unknown>} after={record.after as Record<string, unknown>} />
      </Table.Cell>
    </Table.Row>
  );
}
