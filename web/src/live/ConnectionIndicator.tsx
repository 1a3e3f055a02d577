import { live } from './live';
import type { LiveStatus } from './live-connection';
import { useLiveStatus } from './use-live';

const WORDS: Record<LiveStatus, string | null> = {
  off: null,
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  paused: 'Paused',
};

/** A few words in the header saying whether new posts arrive by themselves. */
export function ConnectionIndicator() {
  const status = useLiveStatus();
  const reason = live.pausedBecause();
  // Paused: the server's words say what to do (close other tabs, try again later).
  const words = status === 'paused' && reason ? `Paused: ${reason}` : WORDS[status];
  if (!words) return null;
  return (
    <li className="nhsuk-header__account-item app-connection" data-status={status}>
      <span className="app-connection__dot" aria-hidden="true" />
      <span className="nhsuk-u-visually-hidden">Live updates: </span>
      <span>{words}</span>
    </li>
  );
}
