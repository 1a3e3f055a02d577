import { Button } from 'nhsuk-react-components';

/** Says how many threads arrived since the list was loaded; showing them reloads the list. */
export function NewThreadsBanner({ count, onShow }: { count: number; onShow(): void }) {
  return (
    <div role="status" className="nhsuk-u-margin-bottom-3">
      {count > 0 && (
        <div className="nhsuk-inset-text nhsuk-u-margin-top-0 nhsuk-u-margin-bottom-0 app-actions">
          <span>
            {count} new thread{count === 1 ? '' : 's'}
          </span>
          <Button type="button" secondary small onClick={onShow}>
            Show<span className="nhsuk-u-visually-hidden"> the new threads</span>
          </Button>
        </div>
      )}
    </div>
  );
}
