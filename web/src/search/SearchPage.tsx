import { Button, Radios, TextInput } from 'nhsuk-react-components';
import { useSearchParams } from 'react-router';

import { api } from '../api/client';
import type { SearchHit } from '../api/types';
import { useCursorList } from '../api/use-cursor-list';
import { useCollaborativeNames } from '../collaboratives/collaborative-names';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { usePageTitle } from '../layout/use-page-title';
import { SearchHitItem } from './SearchHitItem';

type Kind = 'all' | 'thread' | 'reply' | 'practice';
const KINDS: { value: Kind; text: string }[] = [
  { value: 'all', text: 'Everything' },
  { value: 'thread', text: 'Questions and discussions' },
  { value: 'reply', text: 'Replies' },
  { value: 'practice', text: 'Case studies' },
];

function Results({ q, type }: { q: string; type: Kind }) {
  const list = useCursorList<SearchHit>(
    (cursor) => api.GET('/api/search', { params: { query: { q, type, cursor } } }),
    `${q}:${type}`,
  );
  const names = useCollaborativeNames();
  if (list.status === 'failed' && list.problem) return <LoadProblem problem={list.problem} />;
  if (list.status === 'loading') return <p role="status">Searching…</p>;
  return (
    <>
      <p role="status">
        {list.items.length === 0
          ? `No results for “${q}”.`
          : `Results for “${q}”${list.hasMore ? '' : `: ${list.items.length}`}`}
      </p>
      <ul className="nhsuk-list app-items" aria-label="Results">
        {list.items.map((hit) => (
          <SearchHitItem
            key={`${hit.type}:${hit.id}`}
            hit={hit}
            collaborative={hit.collaborativeId ? names.get(hit.collaborativeId) : undefined}
          />
        ))}
      </ul>
      <ShowMore list={list} what="results" />
    </>
  );
}

export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const type = (KINDS.find((kind) => kind.value === params.get('type'))?.value ?? 'all') as Kind;
  usePageTitle(q ? `Search: ${q}` : 'Search');
  return (
    <>
      <h1>Search</h1>
      <form
        role="search"
        aria-label="The forum"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setParams({ q: String(form.get('q') ?? '').trim(), type: String(form.get('type') ?? 'all') });
        }}
      >
        <TextInput
          id="q"
          name="q"
          type="search"
          label="Search questions, replies and case studies"
          hint={'Use "quoted words" for a phrase, -word to leave a word out, and or between two words to allow either'}
          defaultValue={q}
        />
        <Radios legend="Look in" legendProps={{ size: 's' }} name="type" inline small>
          {KINDS.map((kind) => (
            <Radios.Item
              key={kind.value}
              id={kind.value === 'all' ? 'type' : `type-${kind.value}`}
              value={kind.value}
              defaultChecked={kind.value === type}
            >
              {kind.text}
            </Radios.Item>
          ))}
        </Radios>
        <Button type="submit">Search</Button>
      </form>
      {q && <Results q={q} type={type} />}
    </>
  );
}
