import { Button, Textarea } from 'nhsuk-react-components';
import { useState } from 'react';

import { previewMarkdown } from './preview';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
}

const HINT = 'You can use Markdown: **bold**, *italics*, - lists, > quotes and `code`';

/** A Markdown text area with a preview that follows the typing. */
export function MarkdownEditor({ id, label, hint, error, value, onChange, rows = 8 }: Props) {
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="nhsuk-u-margin-bottom-4">
      <Textarea
        id={id}
        name={id}
        label={label}
        hint={hint ? `${hint}. ${HINT}` : HINT}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        formGroupProps={{ className: 'nhsuk-u-margin-bottom-2' }}
      />
      <Button
        type="button"
        secondary
        small
        aria-expanded={previewing}
        aria-controls={`${id}-preview`}
        onClick={() => setPreviewing(!previewing)}
      >
        {previewing ? 'Hide preview' : 'Preview'}
      </Button>
      <div id={`${id}-preview`} hidden={!previewing}>
        {previewing && (
          <section className="app-preview app-body" aria-label={`Preview of ${label.toLowerCase()}`}>
            {value.trim() ? previewMarkdown(value) : <p>Nothing to preview yet.</p>}
          </section>
        )}
      </div>
    </div>
  );
}
