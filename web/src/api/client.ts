import createClient from 'openapi-fetch';

import type { paths } from './schema';
import { Session } from './session';
import { browserSignOutSignal } from './sign-out-signal';

/** This tab's sign-in. */
export const session = new Session(browserSignOutSignal());

/** Calls that need no sign-in: register and sign in. */
export const publicApi = createClient<paths>();

/** Every other call: sends the access token and refreshes it once on a 401. */
export const api = createClient<paths>({ fetch: session.fetch });
