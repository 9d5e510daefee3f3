import { createKafka, type Kafka } from '@tiersync/kafka';
import { type TierSyncConfig } from '../config/tier-sync.config';

/** The process's one kafkajs client: the producer, the consumer and the dedupe read-back share it. */
export const KAFKA_CLIENT = Symbol('Kafka');

export function kafkaClient({ kafka }: TierSyncConfig): Kafka {
  return createKafka(kafka);
}
