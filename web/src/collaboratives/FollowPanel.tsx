import { Button, Radios } from 'nhsuk-react-components';
import { useState } from 'react';

import { api } from '../api/client';
import type { Collaborative, FollowLevel } from '../api/types';
import { FOLLOW_LEVEL_LABELS, FOLLOW_LEVELS } from './labels';

interface Props {
  collaborative: Collaborative;
  onChanged(message: string): void;
}

/** Follow or stop following a collaborative, and choose which new posts notify you. */
export function FollowPanel({ collaborative, onChanged }: Props) {
  const { viewer } = collaborative;
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  async function run(call: () => Promise<{ error?: { detail: string } }>, message: string) {
    setBusy(true);
    setFailed(null);
    try {
      const { error } = await call();
      if (error) setFailed(error.detail);
      else onChanged(message);
    } catch {
      setFailed('The forum could not be reached. Try again.');
    } finally {
      setBusy(false);
    }
  }

  const path = { params: { path: { id: collaborative.id } } };
  if (!viewer.following) {
    if (!viewer.canRead) return null;
    return (
      <div className="nhsuk-u-margin-bottom-4">
        {failed && <p className="nhsuk-error-message">{failed}</p>}
        <Button
          type="button"
          disabled={busy}
          onClick={() =>
            void run(() => api.PUT('/api/collaboratives/{id}/follow', path), `You are following ${collaborative.name}`)
          }
        >
          Follow<span className="nhsuk-u-visually-hidden"> {collaborative.name}</span>
        </Button>
      </div>
    );
  }
  return (
    <form
      className="nhsuk-u-margin-bottom-4"
      onSubmit={(event) => {
        event.preventDefault();
        const level = new FormData(event.currentTarget).get('level') as FollowLevel;
        void run(
          () => api.PATCH('/api/collaboratives/{id}/follow', { ...path, body: { level } }),
          'Your notification level has been saved',
        );
      }}
    >
      {failed && <p className="nhsuk-error-message">{failed}</p>}
      <Radios legend="You follow this collaborative. Notify me about" legendProps={{ size: 's' }} name="level" small>
        {FOLLOW_LEVELS.map((level) => (
          <Radios.Item
            key={level}
            id={`level-${level}`}
            value={level}
            defaultChecked={(viewer.followLevel ?? 'all') === level}
            hint={FOLLOW_LEVEL_LABELS[level].hint}
          >
            {FOLLOW_LEVEL_LABELS[level].label}
          </Radios.Item>
        ))}
      </Radios>
      <div className="app-actions">
        <Button type="submit" secondary disabled={busy}>
          Save notification level
        </Button>
        <Button
          type="button"
          secondary
          disabled={busy}
          onClick={() =>
            void run(
              () => api.DELETE('/api/collaboratives/{id}/follow', path),
              `You no longer follow ${collaborative.name}`,
            )
          }
        >
          Stop following
        </Button>
      </div>
    </form>
  );
}
