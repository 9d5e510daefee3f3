import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { handleApiRequest } from './api-handler';
import { handleControlRequest } from './control-handler';
import { demoSeed } from './demo-seed';
import { sendJson } from './http-io';
import { type SimAuth } from './sim-context';
import { SimControl } from './sim-control';
import { SimCore } from './sim-core';
import { type SimBehaviour, type SimFaults } from './sim-faults';
import { type SimSeed } from './sim.types';
import { type WebhookTarget } from './webhook.types';

export interface CapillarySimOptions {
  /** 0 (default): a free port. */
  port?: number;
  host?: string;
  /** None: accept every request. */
  auth?: SimAuth;
  webhook?: WebhookTarget;
  seed?: SimSeed;
  faults?: SimFaults;
  behaviour?: Partial<SimBehaviour>;
  rngSeed?: number;
}

export interface CapillarySim {
  url: string;
  control: SimControl;
  stop(): Promise<void>;
}

export async function startCapillarySim(options: CapillarySimOptions = {}): Promise<CapillarySim> {
  const core = new SimCore({ ...options, seed: options.seed ?? demoSeed() });
  const control = new SimControl(core);
  if (options.faults) {
    control.setFaults(options.faults);
  }
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void route(core, control, req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    control,
    stop: async () => {
      core.dispatcher.stop();
      const closed = new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      // Hung requests and keep-alive connections would hold close() open forever.
      sockets.forEach((s) => s.destroy());
      await closed;
    },
  };
}

async function route(
  core: SimCore,
  control: SimControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local');
  try {
    if (url.pathname.startsWith('/__sim')) {
      await handleControlRequest(control, req, res, url);
    } else {
      await handleApiRequest(core, req, res, url);
    }
  } catch (error) {
    sendJson(res, 500, {
      warnings: [],
      errors: [
        { status: false, code: 500, message: error instanceof Error ? error.message : 'internal error' },
      ],
    });
  }
}
