import {
  type KafkaSecurityMapping,
  kafkaSecurityOptions,
  type KafkaSecurityOptions,
} from './kafka-security.options';
import { type KafkaSecuritySettings } from './kafka-security.settings';

/**
 * How a client secures its connections: the kafkajs options, and the settings they came from, which
 * `createKafka` needs to say which variable to check when a broker refuses a connection.
 */
export interface KafkaSecurity {
  readonly settings: KafkaSecuritySettings;
  readonly options: KafkaSecurityOptions;
}

/** Maps the settings once (`kafkaSecurityOptions`: files read, combinations checked) and keeps both. */
export function kafkaSecurity(
  settings: KafkaSecuritySettings,
  mapping?: KafkaSecurityMapping,
): KafkaSecurity {
  return { settings, options: kafkaSecurityOptions(settings, mapping) };
}
