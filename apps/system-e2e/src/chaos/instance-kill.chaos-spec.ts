import { type SimCall } from '@tiersync/capillary-sim';
import { callGrowth, callsByEndpoint } from '../support/accounting';
import {
  ADJUSTED_PER_GROUP,
  CAPILLARY_LATENCY,
  raisePrimaries,
  range,
  SECONDARIES,
  settleAndAccount,
  SLOW_CAPILLARY,
  startFleet,
  untilAdjustments,
  untilConverged,
} from '../support/chaos-fleet';

const GROUPS = 30;
/** Wave A (groups 0-29) compares instance counts without a fault; wave B (30-59) has an instance killed. */
const WAVE_A = range(0, GROUPS);
const WAVE_B = range(GROUPS, 2 * GROUPS);

describe('chaos: three tier-sync instances, one SIGKILLed, against one instance', () => {
  let baseline: Record<string, number> | undefined;

  it('one instance: the baseline', async () => {
    const system = await startFleet(2 * GROUPS, { name: 'chaos-one-instance' });
    try {
      system.sim.control.setFaults({ latency: CAPILLARY_LATENCY });
      const started = Date.now();
      raisePrimaries(system, WAVE_A);
      const convergedAt = await untilConverged(system, WAVE_A);
      const report = await settleAndAccount(system, 'one instance, baseline', true, {
        groups: GROUPS,
        secondaries: SECONDARIES,
        instances: 1,
        latencyMs: '30-70',
        convergedMsAfterRaise: convergedAt - started,
      });
      baseline = report.figures.callsByEndpoint;
    } finally {
      await system.stop();
    }
  });

  it('three instances: no more calls than one; with one killed, every group converges and is accounted for', async () => {
    const system = await startFleet(2 * GROUPS, { name: 'chaos-three-instances' });
    try {
      await system.addSync();
      const killed = await system.addSync();
      await system.untilSyncMembers(3);
      system.sim.control.setFaults({ latency: CAPILLARY_LATENCY });
      raisePrimaries(system, WAVE_A);
      await untilConverged(system, WAVE_A);
      await system.quiesce();
      const waveA = callsByEndpoint(system.sim.control.calls());
      const beforeB = system.sim.control.calls().length;

      system.sim.control.setFaults({ latency: SLOW_CAPILLARY });
      raisePrimaries(system, WAVE_B);
      const killedAt = await untilAdjustments(system, GROUPS * ADJUSTED_PER_GROUP * 1.25);
      await system.syncs[killed]?.process.stop('SIGKILL');
      const rebalancedAt = await system.untilSyncMembers(2);
      const convergedAt = await untilConverged(system, WAVE_B);
      const waveB = (): SimCall[] => system.sim.control.calls().slice(beforeB);
      // Commands carry the group their lookup read, so no endpoint may grow with the instance count.
      const growth = callGrowth(baseline ?? {}, waveA);
      await settleAndAccount(
        system,
        'three instances, one SIGKILLed',
        false,
        {
          groups: GROUPS,
          secondaries: SECONDARIES,
          instances: 3,
          latencyMs: '100-200 (wave B)',
          callsOneInstance: baseline,
          callsThreeInstances: waveA,
          callsThreeInstancesOneKilled: callsByEndpoint(waveB()),
          rebalancedMsAfterKill: rebalancedAt - killedAt,
          convergedMsAfterKill: convergedAt - killedAt,
        },
        growth,
      );
    } finally {
      await system.stop();
    }
  });
});
