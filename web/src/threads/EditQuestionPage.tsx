import { Button, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { api } from '../api/client';
import type { ThreadDetail } from '../api/types';
import { useLoad } from '../api/use-load';
import { checkFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { parseTags } from '../forms/tags';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { LoadProblem } from '../layout/LoadProblem';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

const FIELDS: FieldSpecs = {
  title: { label: 'Title', whenEmpty: 'Enter a title for your question', minLength: 5, maxLength: 200 },
  body: { label: 'Details', whenEmpty: 'Enter the details of your question' },
  tags: { label: 'Tags', maxEntries: 5 },
};

function EditQuestionForm({ thread }: { thread: ThreadDetail }) {
  const navigate = useNavigate();
  const [body, setBody] = useState(thread.body);
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = checkFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { error } = await api.PATCH('/api/threads/{id}', {
      params: { path: { id: thread.id } },
      body: { title: text(form, 'title'), body: text(form, 'body'), tags: parseTags(text(form, 'tags')) },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    navigate(`/threads/${thread.id}`, { state: { flash: 'Your changes have been saved' } });
  });
  return (
    <FormPage
      title="Edit your question"
      errors={errors}
      attempt={attempt}
      back={{ to: `/threads/${thread.id}`, text: 'Back to the thread' }}
    >
      <p>The earlier version is kept, and the question shows that it was edited.</p>
      <form onSubmit={onSubmit} noValidate>
        <TextInput
          id="title"
          name="title"
          label="Title"
          hint="Between 5 and 200 characters"
          maxLength={200}
          defaultValue={thread.title}
          error={errorFor('title')}
        />
        <MarkdownEditor id="body" label="Details" value={body} onChange={setBody} error={errorFor('body')} />
        <TextInput
          id="tags"
          name="tags"
          label="Tags (optional)"
          hint="Up to 5, separated by commas"
          defaultValue={thread.tags.join(', ')}
          error={errorFor('tags')}
        />
        <Button type="submit" disabled={busy}>
          Save changes
        </Button>
      </form>
    </FormPage>
  );
}

/** Edit your own question: title, details and tags. */
export function EditQuestionPage() {
  const { id = '' } = useParams();
  const [loaded] = useLoad(() => api.GET('/api/threads/{id}', { params: { path: { id } } }), id);
  if (loaded.status === 'loading') return <p role="status">Loading…</p>;
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  if (!loaded.data.viewer.canEdit)
    return <LoadProblem problem={{ status: 403, detail: 'Only the author of a question can edit it.' }} />;
  return <EditQuestionForm thread={loaded.data} />;
}
