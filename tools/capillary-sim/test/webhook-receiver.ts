import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: { eventName: string; eventId: string; data: Record<string, unknown> } & Record<string, unknown>;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  /** Statuses to answer, in order; 202 once the script runs out. */
  script: number[] = [];
  respond?: (body: Received['body']) => number | undefined;
  /** Headers sent with every answer that is not a 2xx (e.g. Retry-After). */
  failureHeaders: Record<string, string> = {};
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        const body = JSON.parse(text) as Received['body'];
        this.received.push({ headers: req.headers, body });
        const status = this.respond?.(body) ?? this.script.shift() ?? 202;
        res.writeHead(status, status >= 300 ? this.failureHeaders : {}).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/capillary`;
  }

  clear(): void {
    this.received.length = 0;
    this.script = [];
    this.respond = undefined;
    this.failureHeaders = {};
  }

  names(): string[] {
    return this.received.map((r) => r.body.eventName);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server?.close(() => {
        resolve();
      }),
    );
  }
}
