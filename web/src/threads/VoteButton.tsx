import { Button } from 'nhsuk-react-components';

import { api } from '../api/client';
import { useAction } from '../api/use-action';

interface Props {
  target: 'thread' | 'reply';
  id: string;
  voted: boolean;
  voteCount: number;
  /** Your own post: you can see its votes but not vote. */
  own: boolean;
  onVoted(state: { voted: boolean; voteCount: number }): void;
}

/** "Useful" with the vote count; pressed while you have voted. */
export function VoteButton({ target, id, voted, voteCount, own, onVoted }: Props) {
  const { busy, problem, run } = useAction();
  const count = `${voteCount} vote${voteCount === 1 ? '' : 's'}`;
  if (own) return <span className="app-meta">{count}</span>;
  const path = { params: { path: { id } } };
  const call = () =>
    target === 'thread'
      ? voted
        ? api.DELETE('/api/threads/{id}/vote', path)
        : api.PUT('/api/threads/{id}/vote', path)
      : voted
        ? api.DELETE('/api/replies/{id}/vote', path)
        : api.PUT('/api/replies/{id}/vote', path);
  return (
    <>
      <Button
        type="button"
        secondary
        small
        aria-pressed={voted}
        disabled={busy}
        onClick={() => void run(call, onVoted)}
      >
        {voted ? 'Voted useful' : 'Useful'}
        <span className="nhsuk-u-visually-hidden"> ({target === 'thread' ? 'the question' : 'this reply'})</span>
      </Button>
      <span className="app-meta">{count}</span>
      {problem && <span className="nhsuk-error-message nhsuk-u-margin-bottom-0">{problem}</span>}
    </>
  );
}
