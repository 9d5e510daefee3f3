import { SECURE_KAFKA_UNAVAILABLE_ENV } from '../secure-access';
import { chooseSecureTestBroker, type SecureTestBroker } from '../secure-test-broker';
import { chooseTestBroker, type TestBroker } from '../test-broker';

declare global {
  var __TIERSYNC_TEST_BROKER__: TestBroker | undefined;
  var __TIERSYNC_SECURE_TEST_BROKER__: SecureTestBroker | undefined;
}

/** A secured broker on demand would need one shared across workers; starting both costs seconds per run. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const [broker, secure] = await Promise.all([chooseTestBroker(), chooseSecureTestBroker()]);
  globalThis.__TIERSYNC_TEST_BROKER__ = broker;
  globalThis.__TIERSYNC_SECURE_TEST_BROKER__ = secure;
  process.env['KAFKA_BROKERS'] = broker.brokers.join(',');
  Object.assign(process.env, secure.env);
  console.log(
    `\n[integration] Kafka from ${broker.source} at ${broker.brokers.join(',')}, secured Kafka from ${secure.source} (ready in ${Date.now() - started} ms)`,
  );
  if (secure.source === 'unavailable') {
    console.log(
      `[integration] no secured Kafka, its tests will fail: ${secure.env[SECURE_KAFKA_UNAVAILABLE_ENV] ?? ''}`,
    );
  }
}
