import { IntVar, ListVar } from '@tiersync/env-config';
import { IsNotEmpty, IsString, Matches } from 'class-validator';
import { type KafkaConnectionOptions } from '../kafka-connection';

/**
 * The Kafka variables every process shares (docs/configuration.md). Apps extend this class, and give
 * KAFKA_CLIENT_ID their own default; a connection setting added here reaches every process through
 * kafkaConnectionOf and createKafka.
 */
export class KafkaEnvironment {
  @ListVar('KAFKA_BROKERS must list host:port pairs, comma-separated') KAFKA_BROKERS!: string[];
  @IsString() @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX = 'tiersync.';
  @IsString() @IsNotEmpty() KAFKA_CLIENT_ID!: string;
  @IntVar(1, 16) KAFKA_REPLICATION_FACTOR = 1;
}

/** The block's values, whatever class (or mixin) carries them. */
export type KafkaVariables = Pick<KafkaEnvironment, keyof KafkaEnvironment>;

export function kafkaConnectionOf(env: KafkaVariables): KafkaConnectionOptions {
  return { brokers: env.KAFKA_BROKERS, clientId: env.KAFKA_CLIENT_ID };
}
