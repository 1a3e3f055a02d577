import { BackLink, Button, Tag } from 'nhsuk-react-components';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';

import { api } from '../api/client';
import type { Sector } from '../api/types';
import { useLoad } from '../api/use-load';
import { useSession } from '../auth/use-session';
import { ConfirmButton } from '../layout/ConfirmButton';
import { DetailsList } from '../layout/DetailsList';
import { FlashBanner } from '../layout/FlashBanner';
import { formatDateTime } from '../layout/format';
import { LoadProblem } from '../layout/LoadProblem';
import { Success } from '../layout/Success';
import { Tags } from '../layout/Tags';
import { usePageTitle } from '../layout/use-page-title';
import { useLiveEvents, useLiveSubject } from '../live/use-live';
import { HideRestoreForm } from '../moderation/HideRestoreForm';
import { ReportForm } from '../moderation/ReportForm';
import { SECTOR_LABELS } from '../users/labels';
import { AskAuthorsForm } from './AskAuthorsForm';
import { CommentsSection } from './CommentsSection';
import { EndorsementsList } from './EndorsementsList';
import { EndorsePanel } from './EndorsePanel';
import { ExportButton } from './ExportButton';
import { THEME_LABELS } from './labels';
import { PracticeSections } from './PracticeSections';

export function PracticePage() {
  const { id = '' } = useParams();
  const [loaded, reload] = useLoad(() => api.GET('/api/practices/{id}', { params: { path: { id } } }), id);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const { user } = useSession();
  const navigate = useNavigate();
  useLiveSubject({ practiceId: id });
  useLiveEvents(['endorsements.changed', 'practice.updated', 'practice.hidden', 'practice.restored'], (event) => {
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
  // Readers get a notice in place of a hidden case study; its authors and moderators get it all.
  const masked = practice.hidden && practice.summary === '' && practice.challengeHtml === '';
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
      {practice.hidden &&
        (masked ? (
          <p className="nhsuk-inset-text">This case study has been hidden by moderators.</p>
        ) : (
          <p className="nhsuk-inset-text">
            <Tag modifier="grey">Hidden</Tag> Moderators have hidden this case study: readers see only a notice; you can
            see it as its author or a moderator.
          </p>
        ))}
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
        {practice.publishedAt && ` · published ${formatDateTime(practice.publishedAt)}`} · {practice.endorsementCount}{' '}
        endorsement{practice.endorsementCount === 1 ? '' : 's'}
      </p>
      {(practice.viewer.canEdit || practice.viewer.canDelete) && !practice.deletedAt && (
        <div className="app-actions nhsuk-u-margin-bottom-4">
          {practice.viewer.canEdit && (
            <Button
              asElement={Link}
              to={`/practices/${practice.id}/edit`}
              href={`/practices/${practice.id}/edit`}
              secondary
            >
              Edit case study
            </Button>
          )}
          {practice.viewer.canDelete && (
            <ConfirmButton
              label="Delete case study"
              confirmLabel="Yes, delete this case study"
              act={() => api.DELETE('/api/practices/{id}', { params: { path: { id: practice.id } } })}
              onDone={() => navigate('/practices', { state: { flash: 'The case study was deleted' } })}
            />
          )}
        </div>
      )}
      {practice.status === 'published' && !practice.viewer.isAuthor && !masked && (
        <ReportForm targetType="practice" targetId={practice.id} name="this case study" />
      )}
      {practice.viewer.canModerate && practice.status === 'published' && (
        <HideRestoreForm
          kind="practice"
          id={practice.id}
          hidden={practice.hidden}
          name="case study"
          onChanged={() => changed(practice.hidden ? 'The case study was restored' : 'The case study was hidden')}
        />
      )}
      <PracticeSections practice={practice} />
      <h2>Details</h2>
      <DetailsList
        details={[
          { key: 'Organisations', value: practice.organisations.join(', ') || 'Not given' },
          {
            key: 'Sectors',
            value:
              practice.sectors.map((sector) => SECTOR_LABELS[sector as Sector] ?? sector).join(', ') || 'Not given',
          },
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
                    <Link to={`/threads/${question.threadId}`}>{question.title}</Link> ({question.replyCount}{' '}
                    {question.replyCount === 1 ? 'reply' : 'replies'})
                  </li>
                ))}
              </ul>
            )}
            {!practice.viewer.isAuthor && <AskAuthorsForm practiceId={practice.id} />}
          </section>
          <CommentsSection
            practiceId={practice.id}
            canComment={practice.viewer.canComment}
            canModerate={practice.viewer.canModerate}
            meId={user?.id ?? ''}
          />
        </>
      )}
    </>
  );
}
