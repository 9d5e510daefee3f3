import { type CapillarySim } from '@tiersync/capillary-sim';
import { type KafkaConnectionOptions } from '@tiersync/kafka';
import { BENCH_SECRET } from '../ingress/ingress-load';
import { ResultCollector } from './result-collector';

/**
 * Starts reading sync-results, then points the simulator's webhooks at the ingress; the collector starts
 * first so that no result of the run can be missed. Each undo is pushed on `cleanups`.
 */
export async function startWebhookFlow(
  sim: CapillarySim,
  ingressUrl: string,
  results: { connection: KafkaConnectionOptions; topic: string },
  cleanups: (() => Promise<unknown>)[],
): Promise<ResultCollector> {
  const collector = new ResultCollector(results.connection, results.topic);
  cleanups.push(() => collector.stop());
  await collector.start();
  cleanups.push(() => {
    sim.control.setWebhook(undefined);
    return Promise.resolve();
  });
  sim.control.setWebhook({
    url: ingressUrl,
    headerName: 'x-webhook-token',
    secret: BENCH_SECRET,
    maxConnections: 16,
  });
  return collector;
}
