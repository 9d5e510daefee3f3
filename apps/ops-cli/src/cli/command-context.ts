import { createKafka, type Kafka } from '@tiersync/kafka';
import { type Command } from 'commander';
import {
  loadOpsConfig,
  requireKafka,
  type EnvName,
  type EnvSource,
  type OpsConfig,
} from '../config/ops.config';
import { Output, type CliIo } from './output';

export interface CliDeps {
  env: EnvSource;
  io: CliIo;
}

interface GlobalFlags {
  json?: boolean;
  quiet?: boolean;
  brokers?: string;
  topicPrefix?: string;
}

export interface CommandContext {
  output: Output;
  config: OpsConfig;
  kafka: () => Kafka;
}

/** Every command but `doctor` reads or writes Kafka, so brokers are required unless `usesKafka` is false. */
export function commandContext(
  command: Command,
  deps: CliDeps,
  overrides: Partial<Record<EnvName, string>> = {},
  { usesKafka = true }: { usesKafka?: boolean } = {},
): CommandContext {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const output = new Output(deps.io, flags.json === true, flags.quiet === true);
  const config = loadOpsConfig(deps.env, {
    KAFKA_BROKERS: flags.brokers,
    KAFKA_TOPIC_PREFIX: flags.topicPrefix,
    ...overrides,
  });
  if (usesKafka) {
    requireKafka(config);
  }
  let kafka: Kafka | undefined;
  return {
    output,
    config,
    kafka: () => (kafka ??= createKafka(config.kafka)),
  };
}
