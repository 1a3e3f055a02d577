import { Button, TextInput } from 'nhsuk-react-components';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

import { publicApi } from '../api/client';
import type { components } from '../api/schema';
import { useCursorList } from '../api/use-cursor-list';
import { formatDateTime } from '../layout/format';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';

type MailboxMessage = components['schemas']['MailboxMessageDto'];

/**
 * The development mailbox: every email the forum would have sent, so registration and password
 * reset can be followed end to end without a mail server. The API offers it only with
 * MAIL_TRANSPORT=mailbox outside production, and answers 404 otherwise.
 */
export function MailboxPage() {
  usePageTitle('Development mailbox');
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const list = useCursorList<MailboxMessage>(
    (cursor) => publicApi.GET('/api/dev/mailbox', { params: { query: { cursor, to: to || undefined } } }),
    `mailbox:${to}`,
  );

  function filter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = String(new FormData(event.currentTarget).get('to') ?? '').trim();
    setParams(wanted ? { to: wanted } : {});
  }

  return (
    <>
      <h1>Development mailbox</h1>
      <p>
        Emails the forum would have sent, newest first. Nothing here left this machine: it exists only for development.
      </p>
      <form onSubmit={filter} noValidate>
        <TextInput
          id="to"
          name="to"
          type="email"
          label="Only emails to this address"
          hint="Leave empty to see every email."
          autoComplete="off"
          spellCheck={false}
          defaultValue={to}
        />
        <Button type="submit" secondary>
          Show emails
        </Button>
      </form>
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loading' && <p role="status">Loading emails…</p>}
      {list.status === 'loaded' && list.items.length === 0 && <p>No emails{to ? ` to ${to}` : ''} yet.</p>}
      <ul className="nhsuk-list app-items" aria-label="Emails">
        {list.items.map((message) => (
          <li key={message.id}>
            <h2 className="nhsuk-heading-s">{message.subject}</h2>
            <p className="app-meta">
              To {message.to}, {formatDateTime(message.createdAt)}
            </p>
            <pre className="app-mail-text">{message.text}</pre>
          </li>
        ))}
      </ul>
      <ShowMore list={list} what="emails" />
    </>
  );
}
