import { Button } from 'nhsuk-react-components';

import { session } from '../api/client';
import { useAction } from '../api/use-action';

/**
 * The export needs the access token, which a plain link cannot send: the file is fetched with
 * it and handed to the browser as a download.
 */
export function ExportButton({ practiceId, title }: { practiceId: string; title: string }) {
  const { busy, problem, run } = useAction();
  async function download() {
    const response = await session.fetch(new Request(`/api/practices/${practiceId}/export.md`));
    if (!response.ok) return { error: { detail: 'The export could not be made. Try again.' } };
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 60)}.md`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return { data: true };
  }
  return (
    <>
      <Button type="button" secondary disabled={busy} onClick={() => void run(download)}>
        Download as Markdown
      </Button>
      {problem && <p className="nhsuk-error-message">{problem}</p>}
    </>
  );
}
