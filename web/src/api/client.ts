import createClient from 'openapi-fetch';
import { browserRefreshTokenStore } from './refresh-token-store';
import type { paths } from './schema';
import { Session } from './session';

/** This tab's sign-in. */
export const session = new Session(browserRefreshTokenStore);

/** Calls that need no sign-in: register and sign in. */
export const publicApi = createClient<paths>();

/** Every other call: sends the access token and refreshes it once on a 401. */
export const api = createClient<paths>({ fetch: session.fetch });
