import { Tag } from 'nhsuk-react-components';

type Modifier = NonNullable<Parameters<typeof Tag>[0]['modifier']>;

/** A row of NHS.UK tags, as a list so screen readers count them. */
export function Tags({ tags, modifier = 'grey', label }: { tags: string[]; modifier?: Modifier; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="nhsuk-list app-tags nhsuk-u-margin-bottom-2" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag} style={{ display: 'inline' }}>
          <Tag modifier={modifier}>{tag}</Tag>
        </li>
      ))}
    </ul>
  );
}
