import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { io } from 'socket.io-client';

import { LiveGateway } from '../src/live/live.gateway.js';
import { createUser, signIn, type TestUser } from './factories/user.factory.js';
import { eventually } from './support/eventually.js';
import { connectLive, type LiveClient, refusal } from './support/live-client.js';
import { openRawEngine, type RawEngine } from './support/raw-engine.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const FOR_PERSON = 'too many live connections for this account: close other tabs or windows';
const FOR_NETWORK = 'too many live connections from your network: try again later';
/** Well under socket.io's default 45 s connectTimeout, well over the forum's few seconds. */
const CLOSED_WITHIN_MS = 15_000;

describe('live connection limits', () => {
  let forum: TestApp;
  const clients: LiveClient[] = [];
  const engines: RawEngine[] = [];
  const live = async (user: { accessToken: string }) => {
    const client = await connectLive(forum.baseUrl, { token: user.accessToken });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    forum = await startTestApp({ env: { LIVE_SOCKETS_PER_PERSON: '3', LIVE_SOCKETS_PER_ADDRESS: '5' } });
  });
  // Every test starts with no connection open, so none holds a place the next one counts on.
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    for (const engine of engines.splice(0)) engine.close();
    const server = forum.app.get(LiveGateway).namespace.server.engine;
    await eventually(async () => server.clientsCount === 0, 'every connection of the last test closing');
  });
  afterAll(() => forum?.close());

  test('a person past LIVE_SOCKETS_PER_PERSON is refused, saying what to do, until one of theirs closes', async () => {
    const person = await createUser(forum);
    const phone = await signIn(forum.http, person.email);
    const [first] = [await live(person), await live(person), await live(phone)];
    // Sessions do not matter: it is the person's sockets that are counted.
    expect(await refusal(forum.baseUrl, { token: phone.accessToken })).toBe(FOR_PERSON);
    expect(await refusal(forum.baseUrl, { token: person.accessToken })).toBe(FOR_PERSON);
    expect(clients.every((client) => client.socket.connected)).toBe(true);
    // Someone else from the same address still gets in.
    expect(await refusal(forum.baseUrl, { token: (await createUser(forum)).accessToken })).toBe('connected');
    first!.close();
    await eventually(
      async () => (await refusal(forum.baseUrl, { token: person.accessToken })) === 'connected',
      'a place freed by a closed socket',
    );
  });

  test('an address past LIVE_SOCKETS_PER_ADDRESS is refused, saying so, until one of its sockets closes', async () => {
    const people: TestUser[] = [];
    for (let index = 0; index < 6; index++) people.push(await createUser(forum));
    for (const person of people.slice(0, 5)) await live(person);
    expect(await refusal(forum.baseUrl, { token: people[5]!.accessToken })).toBe(FOR_NETWORK);
    // Refused before the token is looked at: a bad one gets the same answer.
    expect(await refusal(forum.baseUrl, { token: 'garbage' })).toBe(FOR_NETWORK);
    clients[0]!.close();
    await eventually(
      async () => (await refusal(forum.baseUrl, { token: people[5]!.accessToken })) === 'connected',
      'a place freed by a closed socket',
    );
  });

  test('refused handshakes give their places back', async () => {
    const person = await createUser(forum);
    for (let attempt = 0; attempt < 8; attempt++)
      expect(await refusal(forum.baseUrl, { token: 'garbage' })).toBe('unauthorized');
    for (let attempt = 0; attempt < 8; attempt++)
      expect(await refusal(forum.baseUrl, { token: person.accessToken, lastEventId: 'not-an-id' })).toBe(
        'unauthorized',
      );
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(forum)));
    for (const somebody of people) await live(somebody);
    expect(clients.every((client) => client.socket.connected)).toBe(true);
  });

  test('a connection that never joins /live is closed by the server within a few seconds', async () => {
    const idle = await openRawEngine(forum.baseUrl);
    engines.push(idle);
    await eventually(async () => idle.closed, 'the server closing an idle connection', CLOSED_WITHIN_MS);
    expect(idle.frames[0]).toMatch(/^0\{/);
  });

  test('a connection whose /live handshake was refused is closed by the server within a few seconds', async () => {
    const refused = await openRawEngine(forum.baseUrl);
    engines.push(refused);
    refused.send(`40/live,${JSON.stringify({ token: 'garbage' })}`);
    await eventually(
      async () => refused.frames.some((frame) => frame.startsWith('44/live,') && frame.includes('unauthorized')),
      'the refusal',
    );
    await eventually(async () => refused.closed, 'the server closing the refused connection', CLOSED_WITHIN_MS);
  });
});

describe('live connection limits behind a proxy', () => {
  let forum: TestApp;
  let people: TestUser[];
  const sockets: Array<ReturnType<typeof io>> = [];

  beforeAll(async () => {
    forum = await startTestApp({ env: { TRUST_PROXY: 'true', LIVE_SOCKETS_PER_ADDRESS: '2' } });
    people = await Promise.all([1, 2, 3, 4].map(() => createUser(forum)));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await forum?.close();
  });

  /** A handshake the proxy forwarded for `client`: the message of its connect_error, or 'connected'. */
  const from = (client: string, user: TestUser) =>
    new Promise<string>((resolve) => {
      const socket = io(`${forum.baseUrl}/live`, {
        auth: { token: user.accessToken },
        extraHeaders: { 'x-forwarded-for': `${client}, 10.0.0.1` },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (error) => resolve(error.message));
    });

  test('counts by the forwarded client address, an IPv6 caller by its /64', async () => {
    expect(await from('2001:db8:1:1::1', people[0]!)).toBe('connected');
    expect(await from('2001:db8:1:1::2', people[1]!)).toBe('connected');
    expect(await from('2001:db8:1:1:ffff::3', people[2]!)).toBe(FOR_NETWORK);
    expect(await from('2001:db8:1:2::1', people[2]!)).toBe('connected');
    expect(await from('192.0.2.7', people[3]!)).toBe('connected');
  });
});
