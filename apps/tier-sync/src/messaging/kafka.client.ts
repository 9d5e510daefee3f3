import { createKafka, type Kafka } from '@tiersync/kafka';
import { type TierSyncConfig } from '../config/tier-sync.config';

export const KAFKA_CLIENT = Symbol('Kafka');

export function kafkaClient({ kafka }: TierSyncConfig): Kafka {
  return createKafka(kafka);
}
