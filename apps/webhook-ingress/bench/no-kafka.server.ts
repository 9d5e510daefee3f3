import { InstantProducer } from '@tiersync/kafka/testing';
import { exitOnStartFailure, runIngressServer } from '../src/app/ingress-server';
import { loadIngressConfig } from '../src/config/ingress.config';

/** BENCHMARK ONLY: acknowledges without Kafka to measure what durability costs; no variable reaches it. */
async function bootstrap(): Promise<void> {
  await runIngressServer(loadIngressConfig(process.env), {
    producer: new InstantProducer({ keepRecords: false }),
  });
}

bootstrap().catch(exitOnStartFailure);
