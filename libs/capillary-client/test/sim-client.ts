import { type CapillarySim, type CapillarySimOptions, startCapillarySim } from '@tiersync/capillary-sim';
import { CapillaryClient } from '../src/capillary.client';
import { type CapillaryClientOptions } from '../src/client-options';

export const BASIC = { username: 'till.user', password: 'till-secret' };
export const OAUTH = { key: 'client-key', secret: 'client-secret' };

export class SimClientHarness {
  sim!: CapillarySim;

  async start(options: CapillarySimOptions = {}): Promise<this> {
    this.sim = await startCapillarySim({ auth: BASIC, ...options });
    return this;
  }

  client(options: Partial<CapillaryClientOptions> = {}): CapillaryClient {
    return new CapillaryClient({
      baseUrl: this.sim.url,
      auth: { kind: 'basic', ...BASIC },
      timeoutMs: 2_000,
      ...options,
    });
  }

  async stop(): Promise<void> {
    await this.sim.stop();
  }
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function useSimClient(options: CapillarySimOptions = {}): SimClientHarness {
  const harness = new SimClientHarness();
  beforeAll(() => harness.start(options));
  beforeEach(() => {
    harness.sim.control.reset();
  });
  afterAll(() => harness.stop());
  return harness;
}
