import { Tag } from 'nhsuk-react-components';
import { Link } from 'react-router';

import type { SearchHit } from '../api/types';
import type { CollaborativeName } from '../collaboratives/collaborative-names';
import { formatDateTime } from '../layout/format';

const KIND: Record<SearchHit['type'], string> = { thread: 'Question', reply: 'Reply', practice: 'Case study' };

function linkTo(hit: SearchHit): string {
  if (hit.type === 'practice') return `/practices/${hit.id}`;
  if (hit.type === 'reply') return `/threads/${hit.threadId}#reply-${hit.id}`;
  return `/threads/${hit.id}`;
}

/**
 * One result. `titleHtml` and `snippetHtml` come from the API with every character escaped
 * except the <mark> around each match, so they are shown as HTML to keep the highlights.
 */
export function SearchHitItem({ hit, collaborative }: { hit: SearchHit; collaborative?: CollaborativeName }) {
  return (
    <li>
      <p className="nhsuk-u-margin-bottom-1">
        <Tag modifier={hit.type === 'practice' ? 'purple' : 'blue'}>{KIND[hit.type]}</Tag>
      </p>
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1 app-title">
        <Link to={linkTo(hit)} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
      </h2>
      <p className="app-snippet nhsuk-u-margin-bottom-1" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
      <p className="app-meta nhsuk-u-margin-bottom-0">
        {hit.author.displayName}, {hit.author.organisation} · {formatDateTime(hit.createdAt)}
        {collaborative && (
          <>
            {' '}
            · in <Link to={`/collaboratives/${collaborative.slug}`}>{collaborative.name}</Link>
          </>
        )}
      </p>
    </li>
  );
}
