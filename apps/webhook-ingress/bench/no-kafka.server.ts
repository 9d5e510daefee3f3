import { InstantProducer } from '@tiersync/kafka/testing';
import { exitOnStartFailure, runIngressServer } from '../src/app/ingress-server';
import { loadIngressConfig } from '../src/config/ingress.config';

/**
 * BENCHMARK ONLY (bench/ingress): the same server as main.ts, but every record is "acknowledged" at once
 * without Kafka, to measure what durability costs. Not reachable from main.ts or any environment variable.
 */
async function bootstrap(): Promise<void> {
  await runIngressServer(loadIngressConfig(process.env), {
    producer: new InstantProducer({ keepRecords: false }),
  });
}

bootstrap().catch(exitOnStartFailure);
