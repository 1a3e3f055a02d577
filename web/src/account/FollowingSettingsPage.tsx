import { Button, Select } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link } from 'react-router';

import { api } from '../api/client';
import type { Collaborative, FollowLevel } from '../api/types';
import { useAction } from '../api/use-action';
import { useCursorList } from '../api/use-cursor-list';
import { FOLLOW_LEVEL_LABELS, FOLLOW_LEVELS } from '../collaboratives/labels';
import { FormPage } from '../forms/FormPage';
import { LoadProblem } from '../layout/LoadProblem';
import { ShowMore } from '../layout/ShowMore';
import { Success } from '../layout/Success';

function FollowRow({ collaborative, onSaved }: { collaborative: Collaborative; onSaved(message: string): void }) {
  const { busy, problem, run } = useAction();
  const id = `level-${collaborative.id}`;
  return (
    <li>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const level = new FormData(event.currentTarget).get('level') as FollowLevel;
          void run(
            () =>
              api.PATCH('/api/collaboratives/{id}/follow', {
                params: { path: { id: collaborative.id } },
                body: { level },
              }),
            () => onSaved(`Saved: ${collaborative.name}`),
          );
        }}
      >
        <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
          <Link to={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</Link>
        </h2>
        <Select
          id={id}
          name="level"
          label={`Notify me about (${collaborative.name})`}
          labelProps={{ className: 'nhsuk-u-font-size-16' }}
          defaultValue={collaborative.viewer.followLevel ?? 'all'}
          error={problem ?? undefined}
        >
          {FOLLOW_LEVELS.map((level) => (
            <Select.Option key={level} value={level}>
              {FOLLOW_LEVEL_LABELS[level].label}
            </Select.Option>
          ))}
        </Select>
        <Button type="submit" secondary small disabled={busy}>
          Save<span className="nhsuk-u-visually-hidden"> for {collaborative.name}</span>
        </Button>
      </form>
    </li>
  );
}

/** Every collaborative you follow, with the level of notifications from each. */
export function FollowingSettingsPage() {
  const list = useCursorList<Collaborative>(
    (cursor) => api.GET('/api/users/me/follows', { params: { query: { cursor } } }),
    'follows',
  );
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <FormPage
      title="Notifications from collaboratives"
      errors={[]}
      attempt={0}
      back={{ to: '/account', text: 'Back to your account' }}
    >
      <Success message={saved} />
      {list.status === 'failed' && list.problem && <LoadProblem problem={list.problem} />}
      {list.status === 'loaded' && list.items.length === 0 && (
        <p>
          You follow no collaboratives yet. <Link to="/collaboratives">Find one to follow</Link>.
        </p>
      )}
      <ul className="nhsuk-list app-items" aria-label="Collaboratives you follow">
        {list.items.map((collaborative) => (
          <FollowRow key={collaborative.id} collaborative={collaborative} onSaved={setSaved} />
        ))}
      </ul>
      <ShowMore list={list} what="collaboratives" />
    </FormPage>
  );
}
