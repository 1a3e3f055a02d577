import { Button } from 'nhsuk-react-components';

interface Props {
  list: { hasMore: boolean; loadingMore: boolean; more(): void };
  what: string;
}

/** "Show more …" under a cursor-paginated list, while there is more. */
export function ShowMore({ list, what }: Props) {
  if (!list.hasMore) return null;
  return (
    <Button secondary type="button" onClick={list.more} disabled={list.loadingMore}>
      {list.loadingMore ? 'Loading…' : `Show more ${what}`}
    </Button>
  );
}
