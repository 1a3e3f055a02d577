import { BackLink, Table } from 'nhsuk-react-components';
import { Link, useSearchParams } from 'react-router';

import { api } from '../api/client';
import type { AuditRecord } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';
import { AuditFilters } from './AuditFilters';
import { AuditRecordRow } from './AuditRecordRow';
import { ModerationProblem } from './ModerationProblem';

const DAY = 24 * 60 * 60 * 1000;

/** The address's filters as the API's query: days become the times they start and end. */
function queryOf(params: URLSearchParams) {
  const day = (name: string) => params.get(name) || undefined;
  const to = day('to');
  return {
    actorId: day('actorId'),
    targetId: day('targetId'),
    targetType: day('targetType'),
    action: day('action'),
    collaborativeId: day('collaborativeId'),
    from: day('from') && new Date(`${day('from')}T00:00:00`).toISOString(),
    // "To" includes the whole day: the API's `to` is exclusive.
    to: to && new Date(new Date(`${to}T00:00:00`).getTime() + DAY).toISOString(),
  };
}

/** Every moderation action and role change, newest first: admins and site moderators all, leads their collaboratives. */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const [params] = useSearchParams();
  const list = useCursorList<AuditRecord>(
    (cursor) => api.GET('/api/moderation/audit-log', { params: { query: { ...queryOf(params), cursor } } }),
    params.toString(),
  );
  return (
    <>
      <BackLink asElement={Link} to="/moderation" href="/moderation">
        Moderation queue
      </BackLink>
      <h1>Audit log</h1>
      <p className="nhsuk-lede-text">
        Every moderation action and role change, newest first. Records are never changed or deleted.
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <AuditFilters />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          {list.status === 'loading' && <p role="status">Loading…</p>}
          {list.status === 'failed' && list.problem && <ModerationProblem problem={list.problem} />}
          {list.status === 'loaded' && (
            <p role="status" className="app-meta">
              {list.items.length === 0
                ? 'No records match. Try fewer filters.'
                : `Showing ${list.items.length}${list.hasMore ? ' so far' : ''}`}
            </p>
          )}
          {list.items.length > 0 && (
            <Table responsive caption="Audit records, newest first">
              <Table.Head>
                <Table.Row>
                  <Table.Cell>When</Table.Cell>
                  <Table.Cell>Who</Table.Cell>
                  <Table.Cell>Action</Table.Cell>
                  <Table.Cell>Item</Table.Cell>
                  <Table.Cell>Reason</Table.Cell>
                  <Table.Cell>Changes</Table.Cell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.items.map((record) => (
                  <AuditRecordRow key={record.id} record={record} />
                ))}
              </Table.Body>
            </Table>
          )}
          <ShowMore list={list} what="records" />
        </div>
      </div>
    </>
  );
}
