import { Button, Details, TextInput } from 'nhsuk-react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router';

import { api } from '../api/client';
import { emptyRequiredFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormErrorSummary } from '../forms/FormErrorSummary';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { MarkdownEditor } from '../markdown/MarkdownEditor';

const FIELDS: FieldSpecs = {
  questionTitle: { label: 'Your question', whenEmpty: 'Enter your question' },
  questionBody: { label: 'Details', whenEmpty: 'Enter the details of your question' },
};

/** Ask the authors: opens a question thread linked from the case study. */
export function AskAuthorsForm({ practiceId }: { practiceId: string }) {
  const navigate = useNavigate();
  const [body, setBody] = useState('');
  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = emptyRequiredFields(form, FIELDS);
    if (empty.length > 0) return empty;
    const { data, error } = await api.POST('/api/practices/{id}/questions', {
      params: { path: { id: practiceId } },
      body: { title: text(form, 'questionTitle'), body: body.trim() },
    });
    if (error) {
      const renamed = error.errors?.map((e) => ({
        ...e,
        field: e.field === 'title' ? 'questionTitle' : e.field === 'body' ? 'questionBody' : e.field,
      }));
      return errorsFromProblem({ ...error, errors: renamed }, FIELDS);
    }
    navigate(`/threads/${(data as { id: string }).id}`, {
      state: { flash: 'Your question has been sent to the authors' },
    });
  });
  return (
    <Details open={errors.length > 0}>
      <Details.Summary>Ask the authors a question</Details.Summary>
      <Details.Text>
        <FormErrorSummary errors={errors} attempt={attempt} />
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="questionTitle"
            name="questionTitle"
            label="Your question"
            hint="Between 5 and 200 characters"
            error={errorFor('questionTitle')}
          />
          <MarkdownEditor
            id="questionBody"
            label="Details"
            value={body}
            onChange={setBody}
            error={errorFor('questionBody')}
            rows={4}
          />
          <Button type="submit" disabled={busy}>
            Send question
          </Button>
        </form>
      </Details.Text>
    </Details>
  );
}
