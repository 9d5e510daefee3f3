import net from 'node:net';

/** A network partition between the app and Kafka, without stopping the shared broker. */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private isCut = false;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(target: string): Promise<TcpProxy> {
    const [host = '127.0.0.1', port = '9092'] = target.split(':');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') {
      throw new Error('proxy has no TCP address');
    }
    const proxy = new TcpProxy(server, address.port);
    server.on('connection', (client) => {
      proxy.accept(client, host, Number(port));
    });
    return proxy;
  }

  readonly socketFactory = ({ onConnect }: { onConnect: () => void }): net.Socket =>
    net.connect({ host: '127.0.0.1', port: this.port }, onConnect);

  cut(): void {
    this.isCut = true;
    for (const socket of this.sockets) {
      socket.resetAndDestroy();
    }
  }

  restore(): void {
    this.isCut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private accept(client: net.Socket, host: string, port: number): void {
    if (this.isCut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect({ host, port });
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.pipe(to);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
    }
  }
}
