import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { ExplainingKafka } from './security/explaining-kafka';
import { type KafkaSecurity } from './security/kafka-security';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs logs transient, retried errors loudly; real failures reach us as rejected promises. */
  logLevel?: logLevel;
  security?: KafkaSecurity;
}

export type KafkaClientSettings = Partial<KafkaConfig>;

export function createKafka(options: KafkaConnectionOptions, extra: KafkaClientSettings = {}): Kafka {
  const config: KafkaConfig = {
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: options.logLevel ?? logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 5 },
    ...options.security?.options,
    ...extra,
  };
  return options.security ? new ExplainingKafka(config, options.security.settings) : new Kafka(config);
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
