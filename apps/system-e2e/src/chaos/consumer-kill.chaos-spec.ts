import { performedAdjustments } from '../support/audit-trail';
import {
  ADJUSTED_PER_GROUP,
  raisePrimaries,
  range,
  SECONDARIES,
  settleAndAccount,
  SLOW_CAPILLARY,
  startFleet,
  untilAdjustments,
  untilConverged,
} from '../support/chaos-fleet';
import { type E2eSystem } from '../support/e2e-system';

const GROUPS = 40;

describe('chaos: tier-sync SIGKILLed in the middle of fan-outs', () => {
  let system: E2eSystem;

  beforeAll(async () => {
    system = await startFleet(GROUPS, { name: 'chaos-consumer-kill' });
  });
  afterAll(() => system.stop());

  it('restarts and accounts for every webhook and adjustment, each group converged', async () => {
    system.sim.control.setFaults({ latency: SLOW_CAPILLARY });
    const started = Date.now();
    raisePrimaries(system, range(0, GROUPS));
    const killedAt = await untilAdjustments(system, (GROUPS * ADJUSTED_PER_GROUP) / 4);
    await system.sync.stop('SIGKILL');
    const adjustedBeforeKill = performedAdjustments(system).length;
    const callsOpenAtKill = system.sim.control.calls().filter((c) => c.status === undefined).length;
    await system.startSync();
    const readyAt = Date.now();
    const convergedAt = await untilConverged(system, range(0, GROUPS));
    await settleAndAccount(system, 'consumer SIGKILL mid fan-out', false, {
      groups: GROUPS,
      secondaries: SECONDARIES,
      latencyMs: '100-200',
      adjustedBeforeKill,
      callsOpenAtKill,
      killAfterMs: killedAt - started,
      restartToReadyMs: readyAt - killedAt,
      convergedMsAfterKill: convergedAt - killedAt,
    });
  });
});
