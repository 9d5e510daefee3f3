import { KAFKA_SECURITY_ENV, kafkaConnectionFromEnv, type KafkaConnectionOptions } from '@tiersync/kafka';
import { startLocalKafka, type LocalKafkaOptions } from '@tiersync/local-kafka';

export interface BenchKafka {
  readonly env: Record<string, string>;
  readonly connection: KafkaConnectionOptions;
  readonly local: boolean;
  stop(): Promise<void>;
}

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
