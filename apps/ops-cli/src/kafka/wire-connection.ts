import { connect, type Socket } from 'node:net';
import { frameRequest, type WireRequest } from './group-protocol';

/**
 * One plaintext TCP connection to one broker, one request at a time. Deliberately tiny: it carries the
 * few group-coordinator requests of group-protocol.ts, everything else goes through kafkajs.
 */
export class WireConnection {
  private correlationId = 0;

  private constructor(
    private readonly socket: Socket,
    private readonly clientId: string,
    private readonly timeoutMs: number,
  ) {}

  static open(address: { host: string; port: number }, clientId: string, timeoutMs: number) {
    return new Promise<WireConnection>((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${address.host}:${address.port} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new WireConnection(socket, clientId, timeoutMs));
      });
    });
  }

  /** Sends one request and resolves with the response body (after the correlation id). */
  send(request: WireRequest): Promise<Buffer> {
    const correlationId = ++this.correlationId;
    return new Promise<Buffer>((resolve, reject) => {
      let received = Buffer.alloc(0);
      const finish = (error: Error | null, body?: Buffer): void => {
        clearTimeout(timer);
        this.socket.off('data', onData);
        this.socket.off('error', onError);
        this.socket.off('close', onClose);
        if (error) {
          reject(error);
        } else if (body) {
          resolve(body);
        }
      };
      const onData = (chunk: Buffer): void => {
        received = Buffer.concat([received, chunk]);
        if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) {
          return;
        }
        const frame = received.subarray(4, 4 + received.readInt32BE(0));
        const answeredId = frame.readInt32BE(0);
        if (answeredId !== correlationId) {
          finish(new Error(`broker answered correlation id ${answeredId}, expected ${correlationId}`));
          return;
        }
        finish(null, frame.subarray(4));
      };
      const onError = (error: Error): void => {
        finish(error);
      };
      const onClose = (): void => {
        finish(new Error('broker closed the connection'));
      };
      const timer = setTimeout(() => {
        finish(new Error(`request timed out after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.socket.on('data', onData);
      this.socket.on('error', onError);
      this.socket.on('close', onClose);
      this.socket.write(frameRequest(request, correlationId, this.clientId));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
