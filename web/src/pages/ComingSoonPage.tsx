import { InsetText } from 'nhsuk-react-components';
import { usePageTitle } from '../layout/use-page-title';

interface Props {
  title: string;
  /** What the page will offer, so people know what to expect. */
  purpose: string;
}

/** A section whose API is still being built: the navigation is in place, the page says so. */
export function ComingSoonPage({ title, purpose }: Props) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{purpose}</p>
      <InsetText>
        <p>This part of the forum is not open yet. It will appear here as soon as it is ready.</p>
      </InsetText>
    </>
  );
}
