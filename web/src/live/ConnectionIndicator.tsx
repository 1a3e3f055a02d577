import type { LiveStatus } from './live-connection';
import { useLiveStatus } from './use-live';

const WORDS: Record<LiveStatus, string | null> = {
  off: null,
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

/** A few words in the header saying whether new posts arrive by themselves. */
export function ConnectionIndicator() {
  const status = useLiveStatus();
  const words = WORDS[status];
  if (!words) return null;
  return (
    <li className="nhsuk-header__account-item app-connection" data-status={status}>
      <span className="app-connection__dot" aria-hidden="true" />
      <span className="nhsuk-u-visually-hidden">Live updates: </span>
      <span>{words}</span>
    </li>
  );
}
