import { type LocalKafka, startLocalKafka } from '@tiersync/local-kafka';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CAPILLARY_LATENCY,
  raisePrimaries,
  range,
  SECONDARIES,
  settleAndAccount,
  startFleet,
  untilAdjustments,
  untilConverged,
} from '../support/chaos-fleet';
import { type E2eSystem } from '../support/e2e-system';

const GROUPS = 45;
/** Plus the broker's start-up (10-25 s on this machine), the time it is away. */
const OUTAGE_MS = 5_000;

// Its own broker: the shared one serves other suites and cannot be stopped from a test worker.
describe('chaos: the Kafka broker stopped and restarted mid-run', () => {
  let kafka: LocalKafka;
  let system: E2eSystem;

  beforeAll(async () => {
    kafka = await startLocalKafka();
    system = await startFleet(GROUPS, {
      name: 'chaos-broker',
      kafkaEnv: { KAFKA_BROKERS: kafka.brokers.join(',') },
    });
    // The accounting reads the topics afterwards. A tail that crashed in the outage can be restarted by
    // kafkajs after disconnect() (a restart in flight) and then keep the test process alive.
    await Promise.all([system.results.stop(), system.deadLetters.stop()]);
  });
  afterAll(async () => {
    await system.stop();
    await kafka.stop();
  });

  it('takes every webhook sent through the outage and accounts for every adjustment', async () => {
    system.sim.control.setFaults({ latency: CAPILLARY_LATENCY });
    const third = GROUPS / 3;
    raisePrimaries(system, range(0, third));
    await untilAdjustments(system, SECONDARIES * 3);
    await kafka.stopBroker({ kill: true });
    const stoppedAt = Date.now();
    // Webhooks keep coming: the ingress answers 429 and the simulator retries them after Retry-After.
    raisePrimaries(system, range(third, 2 * third));
    await sleep(OUTAGE_MS);
    const adjustedDuringOutage = system.adjustments().filter((c) => c.at > stoppedAt).length;
    const restartingAt = Date.now();
    await kafka.startBroker();
    const restartedAt = Date.now();
    raisePrimaries(system, range(2 * third, GROUPS));
    const convergedAt = await untilConverged(system, range(0, GROUPS));
    const afterRestart = system.sim.control.webhookDeliveries().filter((d) => d.at >= restartedAt);
    const first202 = Math.min(...afterRestart.filter((d) => d.status === 202).map((d) => d.at));
    const last429 = Math.max(restartedAt, ...afterRestart.filter((d) => d.status === 429).map((d) => d.at));
    const deliveries = system.sim.control.webhookDeliveries();
    await settleAndAccount(system, 'broker SIGKILL and restart', true, {
      groups: GROUPS,
      secondaries: SECONDARIES,
      latencyMs: '30-70',
      brokerDownMs: restartedAt - stoppedAt,
      brokerStartMs: restartedAt - restartingAt,
      adjustmentCallsDuringOutage: adjustedDuringOutage,
      webhookAttemptsDuringOutage: deliveries.filter((d) => d.at >= stoppedAt && d.at < restartedAt).length,
      stoppedAt,
      restartedAt,
      first202MsAfterRestart: first202 - restartedAt,
      last429MsAfterRestart: last429 - restartedAt,
      convergedMsAfterRestart: convergedAt - restartedAt,
      syncProcessAlive: system.sync.running,
    });
  });
});
