import { KAFKA_SECURITY_ENV, kafkaConnectionFromEnv, type KafkaConnectionOptions } from '@tiersync/kafka';
import { startLocalKafka, type LocalKafkaOptions } from '@tiersync/local-kafka';

export interface BenchKafka {
  /** KAFKA_BROKERS and the TLS/SASL variables, for the app processes a bench starts. */
  readonly env: Record<string, string>;
  /** The bench's own clients, read from the same variables the way the apps read them. */
  readonly connection: KafkaConnectionOptions;
  readonly local: boolean;
  stop(): Promise<void>;
}

/** The cluster in KAFKA_BROKERS (with its KAFKA_SECURITY_*, _SSL_*, _SASL_* variables), else a local broker. */
export async function benchKafka(clientId: string, local: LocalKafkaOptions = {}): Promise<BenchKafka> {
  if (process.env['KAFKA_BROKERS']) {
    const names = ['KAFKA_BROKERS', ...Object.values(KAFKA_SECURITY_ENV)];
    const env = Object.fromEntries(
      names.flatMap((name) => {
        const value = process.env[name];
        return value ? [[name, value]] : [];
      }),
    );
    return { env, connection: kafkaConnectionFromEnv(env, clientId), local: false, stop: async () => {} };
  }
  const kafka = await startLocalKafka(local);
  const env = { KAFKA_BROKERS: kafka.brokers.join(',') };
  return { env, connection: kafkaConnectionFromEnv(env, clientId), local: true, stop: () => kafka.stop() };
}
