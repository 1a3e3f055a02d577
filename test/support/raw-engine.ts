/**
 * A bare engine.io connection over WebSocket, below socket.io-client: it sends only what a
 * test writes (socket.io-client would give up on a refused handshake and close the
 * connection itself), so a test sees what the server does with a connection left idle.
 */
export interface RawEngine {
  /** Text frames from the server, in order (`0{…}` open, `44/live,{…}` a refused connect…). */
  frames: string[];
  closed: boolean;
  send(frame: string): void;
  close(): void;
}

export function openRawEngine(baseUrl: string): Promise<RawEngine> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const engine: RawEngine = {
    frames: [],
    closed: false,
    send: (frame) => socket.send(frame),
    close: () => socket.close(),
  };
  socket.addEventListener('message', (message) => engine.frames.push(String(message.data)));
  socket.addEventListener('close', () => {
    engine.closed = true;
  });
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(engine), { once: true });
    socket.addEventListener('error', () => reject(new Error('could not open an engine.io WebSocket')), { once: true });
  });
}
