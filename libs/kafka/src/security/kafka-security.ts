import {
  type KafkaSecurityMapping,
  kafkaSecurityOptions,
  type KafkaSecurityOptions,
} from './kafka-security.options';
import { type KafkaSecuritySettings } from './kafka-security.settings';

export interface KafkaSecurity {
  readonly settings: KafkaSecuritySettings;
  readonly options: KafkaSecurityOptions;
}

export function kafkaSecurity(
  settings: KafkaSecuritySettings,
  mapping?: KafkaSecurityMapping,
): KafkaSecurity {
  return { settings, options: kafkaSecurityOptions(settings, mapping) };
}
