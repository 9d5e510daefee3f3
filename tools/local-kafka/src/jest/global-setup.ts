import { chooseTestBroker, type TestBroker } from '../test-broker';

declare global {
  var __TIERSYNC_TEST_BROKER__: TestBroker | undefined;
}

/** One broker for the whole integration run; workers find it through KAFKA_BROKERS. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const broker = await chooseTestBroker();
  globalThis.__TIERSYNC_TEST_BROKER__ = broker;
  process.env['KAFKA_BROKERS'] = broker.brokers.join(',');
  console.log(
    `\n[integration] Kafka from ${broker.source} at ${broker.brokers.join(',')} (ready in ${Date.now() - started} ms)`,
  );
}
