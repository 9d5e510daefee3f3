import { AppProcess } from '@tiersync/app-process';
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

/** The ingress as its own process on a free port, with the bench's webhook secret; returns its URL. */
export async function startBenchIngress(
  kafkaEnv: Record<string, string>,
  cleanups: (() => Promise<unknown>)[],
  extraEnv: Record<string, string> = {},
): Promise<string> {
  const ingress = new AppProcess('webhook-ingress');
  cleanups.push(() => ingress.stop());
  ingress.start({
    ...kafkaEnv,
    INGRESS_HOST: '127.0.0.1',
    INGRESS_PORT: '0',
    WEBHOOK_SECRET: BENCH_SECRET,
    ...extraEnv,
  });
  return ingress.listeningUrl();
}
