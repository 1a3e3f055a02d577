const CHANNEL = 'collaboratives-forum.session';
const SIGNED_OUT = 'signed-out';

/**
 * Tells this browser's other tabs that someone signed out here, so they forget their access
 * tokens too. The message carries no secret: the refresh token is in an HttpOnly cookie that no
 * page can read, and the access token never leaves the tab's memory.
 */
export interface SignOutSignal {
  announce(): void;
  onSignedOutElsewhere(listener: () => void): void;
}

/** A BroadcastChannel reaches every tab of this origin; browsers without one just miss the signal. */
export function browserSignOutSignal(): SignOutSignal {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  return {
    announce: () => channel?.postMessage(SIGNED_OUT),
    onSignedOutElsewhere(listener) {
      channel?.addEventListener('message', (event: MessageEvent) => {
        if (event.data === SIGNED_OUT) listener();
      });
    },
  };
}
