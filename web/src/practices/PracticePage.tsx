import { BackLink, Button, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/use-load';
import { DetailsList } from '../layout/DetailsList';
import { FlashBanner } from '../layout/FlashBanner';
import { formatDateTime } from '../layout/format';
import { LoadProblem } from '../layout/LoadProblem';
import { Success } from '../layout/Success';
import { Tags } from '../layout/Tags';
import { usePageTitle } from '../layout/use-page-title';
import { useLiveEvents, useLiveSubject } from '../live/use-live';
import { SECTOR_LABELS } from '../users/labels';
import type { Sector } from '../api/types';
import { AskAuthorsForm } from './AskAuthorsForm';
import { CommentsSection } from './CommentsSection';
import { EndorsePanel } from './EndorsePanel';
import { EndorsementsList } from './EndorsementsList';
import { ExportButton } from './ExportButton';
import { THEME_LABELS } from './labels';
import { PracticeSections } from './PracticeSections';

export function PracticePage() {
  const { id = '' } = useParams();
  const [loaded, reload] = useLoad(() => api.GET('/api/practices/{id}', { params: { path: { id } } }), id);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useLiveSubject({ practiceId: id });
  useLiveEvents(['endorsements.changed', 'practice.updated'], (event) => {
    if (event.type === 'resync' || event.practiceId === id) reload();
  });
  usePageTitle(loaded.status === 'loaded' ? loaded.data.title : 'Case study');
  if (loaded.status === 'loading') return <p role="status">Loading…</p>;
  if (loaded.status === 'failed') return <LoadProblem problem={loaded.problem} />;
  const practice = loaded.data;
  const changed = (message: string) => {
    setDone(message);
    setVersion((count) => count + 1);
    reload();
  };
  const authors = [practice.author, ...practice.coAuthors].filter((author) => author !== null);
  return (
    <>
      <BackLink asElement={Link} to="/practices" href="/practices">
        All case studies
      </BackLink>
      <FlashBanner />
      <Success message={done} />
      <h1 className="nhsuk-u-margin-bottom-3">{practice.title}</h1>
      {practice.status === 'draft' && (
        <p>
          <Tag modifier="yellow">Draft</Tag> Only its authors can see this case study until it is published.
        </p>
      )}
      {practice.hidden && <p className="nhsuk-inset-text">A moderator has hidden this case study: only its authors and moderators can see it.</p>}
      <Tags tags={practice.themes.map((theme) => THEME_LABELS[theme])} modifier="blue" label="Themes" />
      <p className="nhsuk-lede-text">{practice.summary}</p>
      <p className="app-meta">
        By{' '}
        {authors.map((author, index) => (
          <span key={author.id}>
            {index > 0 && ', '}
            <Link to={`/people/${author.handle}`}>{author.displayName}</Link>
          </span>
        ))}
        {practice.publishedAt && ` · published ${formatDateTime(practice.publishedAt)}`} · {practice.endorsementCount} endorsement{practice.endorsementCount === 1 ? '' : 's'}
      </p>
      {practice.viewer.canEdit && (
        <div className="app-actions nhsuk-u-margin-bottom-4">
          <Button asElement={Link} to={`/practices/${practice.id}/edit`} href={`/practices/${practice.id}/edit`} secondary>
            Edit case study
          </Button>
        </div>
      )}
      <PracticeSections practice={practice} />
      <h2>Details</h2>
      <DetailsList
        details={[
          { key: 'Organisations', value: practice.organisations.join(', ') || 'Not given' },
          { key: 'Sectors', value: practice.sectors.map((sector) => SECTOR_LABELS[sector as Sector] ?? sector).join(', ') || 'Not given' },
          { key: 'Tags', value: practice.tags.join(', ') || 'None' },
          { key: 'Contact', value: practice.contact || 'Not given' },
        ]}
      />
      <ExportButton practiceId={practice.id} title={practice.title} />
      {practice.status === 'published' && (
        <>
          <section aria-labelledby="endorsements-heading">
            <h2 id="endorsements-heading">Endorsements ({practice.endorsementCount})</h2>
            <EndorsePanel practice={practice} onChanged={changed} />
            <EndorsementsList practiceId={practice.id} version={version} />
          </section>
          <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">Questions to the authors</h2>
            {practice.questions.length === 0 ? (
              <p>No questions yet.</p>
            ) : (
              <ul>
                {practice.questions.map((question) => (
                  <li key={question.threadId}>
                    <Link to={`/threads/${question.threadId}`}>{question.title}</Link> ({question.replyCount} {question.replyCount === 1 ? 'reply' : 'replies'})
                  </li>
                ))}
              </ul>
            )}
            {!practice.viewer.isAuthor && <AskAuthorsForm practiceId={practice.id} />}
          </section>
          <CommentsSection practiceId={practice.id} canComment={practice.viewer.canComment} />
        </>
      )}
    </>
  );
}
