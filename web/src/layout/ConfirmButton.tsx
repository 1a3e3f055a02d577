import { Button } from 'nhsuk-react-components';
import { type ReactNode, useState } from 'react';

import type { Problem } from '../api/types';
import { useAction } from '../api/use-action';

interface Props {
  /** "Delete question". */
  label: ReactNode;
  /** "Yes, delete this question". */
  confirmLabel: ReactNode;
  act(): Promise<{ error?: Problem }>;
  onDone(): void;
}

/** A button for something hard to undo: asks once more before it happens, and says why if the API refuses. */
export function ConfirmButton({ label, confirmLabel, act, onDone }: Props) {
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useAction();
  return (
    <>
      {confirming ? (
        <Button type="button" warning small disabled={busy} onClick={() => void run(act, onDone)}>
          {confirmLabel}
        </Button>
      ) : (
        <Button type="button" secondary small onClick={() => setConfirming(true)}>
          {label}
        </Button>
      )}
      {problem && <span className="nhsuk-error-message nhsuk-u-margin-bottom-0">{problem}</span>}
    </>
  );
}
