import { Button, Radios, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { checkFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { parseTags } from '../forms/tags';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { LoadProblem } from '../layout/LoadProblem';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

const FIELDS: FieldSpecs = {
  kind: { label: 'Kind' },
  title: { label: 'Title', whenEmpty: 'Enter a title for your question', minLength: 5, maxLength: 200 },
  body: { label: 'Details', whenEmpty: 'Enter the details of your question' },
  tags: { label: 'Tags', maxEntries: 5 },
};

export function AskQuestionPage() {
  const { idOrSlug = '' } = useParams();
  const navigate = useNavigate();
  const [body, setBody] = useState('');
  const [loaded] = useLoad(
    () => api.GET('/api/collaboratives/{idOrSlug}', { params: { path: { idOrSlug } } }),
    idOrSlug,
  );
  const collaborative = loaded.status === 'loaded' ? loaded.data : null;
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    if (!collaborative) return;
    const empty = checkFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { data, error } = await api.POST('/api/collaboratives/{id}/threads', {
      params: { path: { id: collaborative.id } },
      body: {
        kind: form.get('kind') === 'discussion' ? 'discussion' : 'question',
        title: text(form, 'title'),
        body: text(form, 'body'),
        tags: parseTags(text(form, 'tags')),
      },
    });
    if (error) return errorsFromProblem(error, FIELDS);
    navigate(`/threads/${data.id}`, { state: { flash: 'Your question has been posted' } });
  });
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  return (
    <FormPage
      title={collaborative ? `Ask ${collaborative.name}` : 'Ask a question'}
      errors={errors}
      attempt={attempt}
      back={{ to: `/collaboratives/${idOrSlug}`, text: 'Back to the collaborative' }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Radios legend="What are you starting?" legendProps={{ size: 's' }} name="kind" error={errorFor('kind')}>
          <Radios.Item
            id="kind"
            value="question"
            defaultChecked
            hint="Peers can answer, and you can accept the answer that helped"
          >
            A question
          </Radios.Item>
          <Radios.Item id="kind-discussion" value="discussion" hint="An open conversation without one answer">
            A discussion
          </Radios.Item>
        </Radios>
        <TextInput
          id="title"
          name="title"
          label="Title"
          hint="Between 5 and 200 characters. Say what you want to know in one sentence"
          maxLength={200}
          error={errorFor('title')}
        />
        <MarkdownEditor
          id="body"
          label="Details"
          hint="What you have tried, and what would help"
          value={body}
          onChange={setBody}
          error={errorFor('body')}
        />
        <TextInput
          id="tags"
          name="tags"
          label="Tags (optional)"
          hint="Up to 5, separated by commas, for example: diagnostics, elective recovery"
          error={errorFor('tags')}
        />
        <Button type="submit" disabled={busy || !collaborative}>
          Post your question
        </Button>
      </form>
    </FormPage>
  );
}
