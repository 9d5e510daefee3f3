import { type CapillarySim, startCapillarySim } from '../src/capillary-sim';
import { DEMO_PROGRAM_ID } from '../src/demo-seed';
import { WebhookReceiver } from './webhook-receiver';

export const PRIMARY = 566998132;
export const SECONDARY = 567219877;
export const HEADER = 'x-webhook-token';
export const SECRET = 's3cret';

export interface WebhookSim {
  readonly sim: CapillarySim;
  readonly url: string;
  readonly receiver: WebhookReceiver;
  activity(customerId: number, tier: string | number): void;
}

export function useWebhookSim(): WebhookSim {
  const receiver = new WebhookReceiver();
  const ctx = {
    sim: undefined as unknown as CapillarySim,
    url: '',
    receiver,
    activity(customerId: number, tier: string | number) {
      ctx.sim.control.activity({ customerId, programId: DEMO_PROGRAM_ID, tier });
    },
  };
  beforeAll(async () => {
    ctx.url = await receiver.start();
    ctx.sim = await startCapillarySim();
  });
  beforeEach(() => {
    ctx.sim.control.reset();
    ctx.sim.control.setWebhook({ url: ctx.url, headerName: HEADER, secret: SECRET, backoffMs: 5 });
    receiver.clear();
  });
  afterAll(async () => {
    await ctx.sim.stop();
    await receiver.stop();
  });
  return ctx;
}
