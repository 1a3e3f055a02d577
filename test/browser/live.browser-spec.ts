import { describe, expect, test } from '@jest/globals';
import type { Page, WebSocketRoute } from 'playwright-core';

import { DEMO_PASSWORD } from '../../src/users/demo-accounts.js';
import { signIn as signInThroughApi } from '../factories/user.factory.js';
import { HttpClient } from '../support/http.js';
import { browserSuite } from './support/browser-suite.js';
import { heading, registerMember, signIn } from './support/forum-pages.js';

/**
 * Lets a test cut this tab's live connection and keep it cut: open WebSockets are closed and
 * socket.io's attempts to come back (WebSocket or HTTP long-polling) are refused, until `restore`.
 */
async function controllableNetwork(page: Page) {
  let down = false;
  const open: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    if (down) return void ws.close();
    ws.connectToServer();
    open.push(ws);
  });
  await page.route(/\/socket\.io\//, (route) => (down ? route.abort('internetdisconnected') : route.continue()));
  return {
    async cut() {
      down = true;
      await Promise.all(open.splice(0).map((ws) => ws.close()));
    },
    restore() {
      down = false;
    },
  };
}

describe('the live connection, in a browser', () => {
  const suite = browserSuite();

  test('one socket per tab across pages; after a drop it reconnects and silently shows what was posted meanwhile', async () => {
    const http = new HttpClient(suite.url);
    const helen = await signInThroughApi(http, 'helen.clarke@example.nhs.uk', DEMO_PASSWORD);
    const collaborative = (await http.get('/api/collaboratives/greater-manchester-acute', { token: helen.accessToken }))
      .body as { id: string };
    const thread = (
      await http.post(
        `/api/collaboratives/${collaborative.id}/threads`,
        { title: 'Theatre utilisation dashboards', body: 'Which measures do boards see?' },
        { token: helen.accessToken },
      )
    ).body as { id: string };

    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    const network = await controllableNetwork(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await signIn(page, member.email, member.password);
    const indicator = page.getByRole('navigation', { name: 'Account' }).getByText(/^(Live|Connecting…|Reconnecting…)$/);
    await page.getByText('Live', { exact: true }).waitFor();

    // Moving between pages keeps the one socket.
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Collaboratives' }).click();
    await heading(page, 'Collaboratives');
    await page.goto(`/threads/${thread.id}`); // a full load: a new page, so a new socket
    await heading(page, 'Theatre utilisation dashboards');
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await heading(page, 'Notifications');
    await page.goBack();
    await heading(page, 'Theatre utilisation dashboards');
    await page.getByText('Live', { exact: true }).waitFor();
    expect(sockets.length).toBe(2);

    await http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'Before the drop: session start times.' },
      { token: helen.accessToken },
    );
    await page.getByTestId('replies').getByText('Before the drop: session start times.').waitFor();

    await network.cut();
    await page.getByText('Reconnecting…', { exact: true }).waitFor();
    await http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'During the drop: cancellations on the day.' },
      { token: helen.accessToken },
    );
    // Nothing can arrive while the connection is down.
    expect(await page.getByTestId('replies').getByText('During the drop: cancellations on the day.').count()).toBe(0);

    network.restore();
    await page.getByText('Live', { exact: true }).waitFor({ timeout: 20000 });
    await page.getByTestId('replies').getByText('During the drop: cancellations on the day.').waitFor();
    await page.getByRole('heading', { name: '2 replies' }).waitFor();
    // Caught up once: the reply from before the drop is not repeated.
    expect(await page.getByTestId('replies').getByText('Before the drop: session start times.').count()).toBe(1);
    expect(await indicator.innerText()).toBe('Live');
  });

  test('a handshake refused for its access token gets a fresh token and connects, without the person noticing', async () => {
    const member = await registerMember(suite.url);
    const page = await suite.newPage();
    // socket.io sends its namespace handshake (with the token) in the first long-polling POST.
    // The first one this tab sends is given a token the server cannot accept, as an expired one would be.
    const handshakes: string[] = [];
    let spoiled = false;
    await page.route(/\/socket\.io\//, (route) => {
      const body = route.request().postData() ?? '';
      const token = /"token":"([^"]*)"/.exec(body)?.[1];
      if (!token) return route.continue();
      handshakes.push(token);
      if (spoiled) return route.continue();
      spoiled = true;
      return route.continue({ postData: body.replace(token, 'not-a-valid-token') });
    });
    const refreshes: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/auth/refresh') refreshes.push(response.status());
    });
    await signIn(page, member.email, member.password);
    await page.getByText('Live', { exact: true }).waitFor();
    expect(handshakes.length).toBe(2);
    // The second handshake came after a refresh (its token can equal the first when both were signed in the same second).
    // The other refresh, refused, was the sign-in page's load asking whether anyone was signed in.
    expect(refreshes.sort()).toEqual([200, 401]);

    // Still signed in, and the connection carries events.
    const http = new HttpClient(suite.url);
    const helen = await signInThroughApi(http, 'helen.clarke@example.nhs.uk', DEMO_PASSWORD);
    const collaborative = (
      await http.get('/api/collaboratives/sussex-community-providers', { token: helen.accessToken })
    ).body as { id: string };
    const thread = (
      await http.post(
        `/api/collaboratives/${collaborative.id}/threads`,
        { title: 'Discharge to assess capacity', body: 'How many beds?' },
        { token: helen.accessToken },
      )
    ).body as { id: string };
    await page.goto(`/threads/${thread.id}`);
    await heading(page, 'Discharge to assess capacity');
    await page.getByText('Live', { exact: true }).waitFor();
    await http.post(
      `/api/threads/${thread.id}/replies`,
      { body: 'Twelve, shared across two trusts.' },
      { token: helen.accessToken },
    );
    await page.getByTestId('replies').getByText('Twelve, shared across two trusts.').waitFor();
  });
});
