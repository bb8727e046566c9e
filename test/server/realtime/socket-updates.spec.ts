import { expect } from 'chai';
import { io, type Socket } from 'socket.io-client';
import { DEMO_PASSWORD } from '../../../server/src/seed/demo.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** The session cookie of a demo user, as a browser would hold it. */
async function sessionCookie(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** Resolves with the first thing the socket hears: its `ready` event, or why it could not connect. */
function firstWord(socket: Socket): Promise<{ ready: unknown } | { refused: string }> {
  return new Promise((resolve) => {
    socket.once('ready', (ready: unknown) => resolve({ ready }));
    socket.once('connect_error', (err: Error) => resolve({ refused: err.message }));
  });
}

describe('socket.io handshake: own origin only', () => {
  let server: TestServer;
  let cookie: string;
  const sockets: Socket[] = [];

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    cookie = await sessionCookie(server.baseUrl, 'chuyenvien');
  });

  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });

  after(() => server.close());

  const connect = (origin: string, transport: 'websocket' | 'polling') => {
    const socket = io(server.baseUrl, {
      path: '/socket.io',
      transports: [transport],
      reconnection: false,
      extraHeaders: { cookie, origin },
    });
    sockets.push(socket);
    return socket;
  };

  for (const transport of ['websocket', 'polling'] as const) {
    it(`should refuse a ${transport} handshake from a page on another port, cookie or not`, async () => {
      // given the officer's cookie, sent by a page on another port
      const otherPort = `http://127.0.0.1:${Number(new URL(server.baseUrl).port) + 1}`;

      // when
      const word = await firstWord(connect(otherPort, transport));

      // then
      expect(word).to.have.property('refused');
    });

    it(`should say ready over ${transport} to a page of its own origin`, async () => {
      // when
      const word = await firstWord(connect(server.baseUrl, transport));

      // then
      expect(word).to.have.property('ready').that.has.property('userId').that.is.a('string');
    });
  }
});
