import { session } from '../api/client';
import { LiveConnection } from './live-connection';

/** This tab's live connection: open while someone is signed in, closed when they sign out. */
export const live = new LiveConnection(session);

function follow(): void {
  if (session.state().status === 'signed-in') live.start();
  else if (session.state().status === 'signed-out') live.stop();
}

session.subscribe(follow);
follow();
