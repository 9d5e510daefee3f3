import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { type KafkaSecurityOptions } from './security/kafka-security.options';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  /** kafkajs logs transient, retried errors loudly; real failures reach us as rejected promises. */
  logLevel?: logLevel;
  /** TLS and SASL, from `kafkaSecurityOptions`; unset: PLAINTEXT. */
  security?: KafkaSecurityOptions;
}

/** Extra kafkajs client settings (tests route connections through a proxy they can cut). */
export type KafkaClientSettings = Partial<KafkaConfig>;

/** One kafkajs client per process; producers, consumers and admins are made from it. */
export function createKafka(options: KafkaConnectionOptions, extra: KafkaClientSettings = {}): Kafka {
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    logLevel: options.logLevel ?? logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 5 },
    ...options.security,
    ...extra,
  });
}

/** Parses KAFKA_BROKERS-style values: "host:port,host:port". */
export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
}
