import { Button, Checkboxes, Select, Textarea, TextInput } from 'nhsuk-react-components';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';

import { api } from '../api/client';
import type { PracticeDetail, Sector, Theme } from '../api/types';
import { useLoad } from '../api/use-load';
import { checkFields, errorsFromProblem, type FieldSpecs } from '../forms/form-errors';
import { FormPage } from '../forms/FormPage';
import { parseTags } from '../forms/tags';
import { text, useFormSubmit } from '../forms/use-form-submit';
import { LoadProblem } from '../layout/LoadProblem';
import { MarkdownEditor } from '../markdown/MarkdownEditor';
import { SECTOR_LABELS, SECTORS } from '../users/labels';
import { THEME_LABELS, THEMES } from './labels';
import { EMPTY_ROW, type MeasureRow, measuresFrom, OutcomeMeasuresFields } from './OutcomeMeasuresFields';
import { resolveHandles } from './resolve-handles';
import { useCollaborativeOptions } from './use-collaborative-options';

const SECTIONS = [
  { id: 'challenge', label: 'The challenge', hint: 'The problem you faced, with numbers where you have them' },
  { id: 'approach', label: 'What you did', hint: 'The change, who led it and how long it took' },
  { id: 'outcomes', label: 'Outcomes', hint: 'What changed for patients, staff and money' },
  { id: 'lessons', label: 'Lessons learned', hint: 'What you would tell a trust starting out' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];

function fieldsFor(rows: number): FieldSpecs {
  const fields: FieldSpecs = {
    title: { label: 'Title', whenEmpty: 'Enter a title for your case study', minLength: 5, maxLength: 200 },
    summary: { label: 'Summary', maxLength: 1000 },
    themes: { label: 'Themes' },
    sectors: { label: 'Sectors' },
    tags: { label: 'Tags' },
    organisations: { label: 'Organisations' },
    contact: { label: 'Contact' },
    coAuthorIds: { label: 'Co-authors' },
    collaborativeId: { label: 'Collaborative' },
    outcomeMeasures: { label: 'Outcome measures' },
  };
  for (const section of SECTIONS) fields[section.id] = { label: section.label };
  for (let index = 0; index < rows; index++) {
    fields[`outcomeMeasures-${index}-label`] = { label: 'What was measured' };
    fields[`outcomeMeasures-${index}-before`] = { label: 'Before' };
    fields[`outcomeMeasures-${index}-after`] = { label: 'After' };
    fields[`outcomeMeasures-${index}-unit`] = { label: 'Unit' };
  }
  return fields;
}

const list = (typed: string) =>
  typed
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function PracticeForm({ existing }: { existing: PracticeDetail | null }) {
  const navigate = useNavigate();
  const collaboratives = useCollaborativeOptions();
  const intent = useRef<'save' | 'publish'>('save');
  const [sections, setSections] = useState<Record<SectionId, string>>({
    challenge: existing?.challenge ?? '',
    approach: existing?.approach ?? '',
    outcomes: existing?.outcomes ?? '',
    lessons: existing?.lessons ?? '',
  });
  const [rows, setRows] = useState<MeasureRow[]>(
    existing?.outcomeMeasures.map((measure) => ({
      label: measure.label,
      before: String(measure.before),
      after: String(measure.after),
      unit: measure.unit,
    })) ?? [EMPTY_ROW],
  );
  const fields = fieldsFor(rows.length);
  const isPublished = existing?.status === 'published';

  const { errors, attempt, errorFor, onSubmit, busy } = useFormSubmit(async (form) => {
    const empty = checkFields(form, fields);
    if (empty.length > 0) return empty;
    const coAuthors = await resolveHandles(text(form, 'coAuthorIds'), 'coAuthorIds');
    if ('errors' in coAuthors) return coAuthors.errors;
    const body = {
      title: text(form, 'title'),
      summary: text(form, 'summary'),
      ...sections,
      outcomeMeasures: measuresFrom(rows),
      themes: form.getAll('themes') as Theme[],
      sectors: form.getAll('sectors') as Sector[],
      tags: parseTags(text(form, 'tags')),
      organisations: list(text(form, 'organisations')),
      contact: text(form, 'contact'),
      coAuthorIds: coAuthors.ids,
    };
    const collaborativeId = text(form, 'collaborativeId') || undefined;
    const saved = existing
      ? await api.PATCH('/api/practices/{id}', { params: { path: { id: existing.id } }, body })
      : await api.POST('/api/practices', { body: { ...body, collaborativeId } });
    if (saved.error) return errorsFromProblem(saved.error, fields);
    const id = saved.data.id;
    // A published case study has no private draft: its edit is public as soon as it is saved.
    if (isPublished) {
      navigate(`/practices/${id}`, { state: { flash: 'Your changes have been published' } });
      return;
    }
    if (intent.current === 'save') {
      navigate(`/practices/${id}/edit`, { replace: true, state: { flash: 'Your draft has been saved' } });
      return;
    }
    const published = await api.POST('/api/practices/{id}/publish', { params: { path: { id } } });
    if (published.error) {
      if (!existing) navigate(`/practices/${id}/edit`, { replace: true });
      return errorsFromProblem(published.error, fields);
    }
    navigate(`/practices/${id}`, { state: { flash: 'Your case study has been published' } });
  });

  return (
    <FormPage
      title={existing ? 'Edit your case study' : 'Share a practice'}
      errors={errors}
      attempt={attempt}
      back={{ to: existing ? `/practices/${existing.id}` : '/practices', text: 'Back' }}
    >
      {isPublished ? (
        <p>This case study is published: your changes are published as soon as you save them.</p>
      ) : (
        <p>
          Save a draft as often as you like: only you and your co-authors see it. Publishing needs a summary, all four
          sections and at least one theme.
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextInput id="title" name="title" label="Title" defaultValue={existing?.title} error={errorFor('title')} />
        <Textarea
          id="summary"
          name="summary"
          label="Summary"
          hint="Two or three sentences: what you changed and what it achieved"
          rows={3}
          defaultValue={existing?.summary}
          error={errorFor('summary')}
        />
        {SECTIONS.map((section) => (
          <MarkdownEditor
            key={section.id}
            id={section.id}
            label={section.label}
            hint={section.hint}
            value={sections[section.id]}
            onChange={(value) => setSections((current) => ({ ...current, [section.id]: value }))}
            error={errorFor(section.id)}
            rows={6}
          />
        ))}
        <OutcomeMeasuresFields rows={rows} onChange={setRows} errorFor={errorFor} />
        <Checkboxes
          legend="Themes"
          legendProps={{ size: 'm' }}
          hint="Select all that apply"
          name="themes"
          error={errorFor('themes')}
        >
          {THEMES.map((theme, index) => (
            <Checkboxes.Item
              key={theme}
              id={index === 0 ? 'themes' : `themes-${theme}`}
              value={theme}
              defaultChecked={existing?.themes.includes(theme)}
            >
              {THEME_LABELS[theme]}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        <Checkboxes
          legend="Sectors"
          legendProps={{ size: 'm' }}
          hint="The kinds of trust this applies to"
          name="sectors"
          error={errorFor('sectors')}
        >
          {SECTORS.map((sector, index) => (
            <Checkboxes.Item
              key={sector}
              id={index === 0 ? 'sectors' : `sectors-${sector}`}
              value={sector}
              defaultChecked={existing?.sectors.includes(sector)}
            >
              {SECTOR_LABELS[sector]}
            </Checkboxes.Item>
          ))}
        </Checkboxes>
        {!existing && (
          <Select
            key={collaboratives.length}
            id="collaborativeId"
            name="collaborativeId"
            label="Collaborative (optional)"
            hint="Its members' access rule applies. Without one, everyone signed in can read it"
            error={errorFor('collaborativeId')}
          >
            <Select.Option value="">None: everyone signed in</Select.Option>
            {collaboratives.map((collaborative) => (
              <Select.Option key={collaborative.id} value={collaborative.id}>
                {collaborative.name}
              </Select.Option>
            ))}
          </Select>
        )}
        <TextInput
          id="tags"
          name="tags"
          label="Tags (optional)"
          hint="Separated by commas"
          defaultValue={existing?.tags.join(', ')}
          error={errorFor('tags')}
        />
        <TextInput
          id="organisations"
          name="organisations"
          label="Organisations (optional)"
          hint="The trusts involved, separated by commas"
          defaultValue={existing?.organisations.join(', ')}
          error={errorFor('organisations')}
        />
        <TextInput
          id="contact"
          name="contact"
          label="Contact (optional)"
          hint="Who peers can ask, for example a name and role"
          defaultValue={existing?.contact}
          error={errorFor('contact')}
        />
        <TextInput
          id="coAuthorIds"
          name="coAuthorIds"
          label="Co-authors (optional)"
          hint="Their handles, separated by commas, for example @helen-clarke. Co-authors can edit the case study"
          spellCheck={false}
          defaultValue={existing?.coAuthors.map((author) => `@${author.handle}`).join(', ')}
          error={errorFor('coAuthorIds')}
        />
        {isPublished ? (
          <Button type="submit" disabled={busy}>
            Save and publish changes
          </Button>
        ) : (
          <div className="app-actions">
            <Button type="submit" secondary disabled={busy} onClick={() => (intent.current = 'save')}>
              Save draft
            </Button>
            <Button type="submit" disabled={busy} onClick={() => (intent.current = 'publish')}>
              Publish
            </Button>
          </div>
        )}
      </form>
    </FormPage>
  );
}

export function NewPracticePage() {
  return <PracticeForm existing={null} />;
}

export function EditPracticePage() {
  const { id = '' } = useParams();
  const [loaded] = useLoad(() => api.GET('/api/practices/{id}', { params: { path: { id } } }), id);
  const [ready, setReady] = useState<PracticeDetail | null>(null);
  // The form starts from the first answer only: later reloads must not wipe what is typed.
  useEffect(() => {
    if (loaded.status === 'loaded') setReady((current) => current ?? loaded.data);
  }, [loaded]);
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  if (!ready) return <p role="status">Loading…</p>;
  return <PracticeForm key={ready.id} existing={ready} />;
}
