import { startLocalKafka } from './local-kafka';
import { SECURE_KAFKA_TEST_ENV, SECURE_KAFKA_UNAVAILABLE_ENV, secureKafkaTestEnv } from './secure-access';

export interface SecureTestBroker {
  env: Record<string, string>;
  source: 'KAFKA_SECURE_*' | 'local-kafka' | 'unavailable';
  stop(): Promise<void>;
}

/** With no secured broker every secure test fails with the reason, as a skipped one would look passed. */
export async function chooseSecureTestBroker(
  env: NodeJS.ProcessEnv = process.env,
): Promise<SecureTestBroker> {
  const none = (): Promise<void> => Promise.resolve();
  if (env[SECURE_KAFKA_TEST_ENV.saslBrokers]) {
    return { env: {}, source: 'KAFKA_SECURE_*', stop: none };
  }
  try {
    const local = await startLocalKafka({ secure: true });
    if (local.secure === undefined) {
      throw new Error('the local broker started without its secured listeners');
    }
    return { env: secureKafkaTestEnv(local.secure), source: 'local-kafka', stop: () => local.stop() };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    return { env: { [SECURE_KAFKA_UNAVAILABLE_ENV]: reason }, source: 'unavailable', stop: none };
  }
}
