import type { AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedMail {
  parsed: ParsedMail;
  messageId: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * A real SMTP server on a random port of 127.0.0.1, for the forum to send to. Every message
 * is parsed with mailparser. `refuseWith(code)` answers each message with that status (4xx
 * or 5xx) until `accept()`; `stop()` takes it down, `start()` brings it back on its port.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  refused = 0;
  private refusal: number | null = null;
  private server: SMTPServer | null = null;
  private port = 0;

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer();
    await peer.start();
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuseWith(code: number): void {
    this.refusal = code;
  }

  accept(): void {
    this.refusal = null;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to === address);
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => void this.take(stream, callback),
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async take(stream: SMTPServerDataStream, callback: (error?: Error | null) => void): Promise<void> {
    const parsed = await simpleParser(stream);
    if (this.refusal !== null) {
      this.refused++;
      const error = Object.assign(new Error('Refused by the test server'), { responseCode: this.refusal });
      return callback(error);
    }
    this.received.push({
      parsed,
      messageId: parsed.messageId,
      to: Array.isArray(parsed.to) ? parsed.to[0]!.text : (parsed.to?.text ?? ''),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
    });
    callback();
  }
}
