import {
  ConfigValidationError,
  IntVar,
  ListVar,
  validateEnvironment,
  type EnvSource,
} from '@tiersync/env-config';
import { IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { type KafkaConnectionOptions } from '../kafka-connection';
import { kafkaSecurity } from '../security/kafka-security';
import { KafkaSecurityError } from '../security/kafka-security.error';
import { KAFKA_SECURITY_ENV, readKafkaSecuritySettings } from '../security/kafka-security.settings';

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

  // TLS and SASL (KAFKA_SECURITY_ENV): carried as text and read by readKafkaSecuritySettings alone, so
  // that values and combinations are checked in one place, in kafkaConnectionOf.
  @IsOptional() @IsString() KAFKA_SECURITY_PROTOCOL?: string;
  @IsOptional() @IsString() KAFKA_SSL_CA_LOCATION?: string;
  @IsOptional() @IsString() KAFKA_SSL_CERTIFICATE_LOCATION?: string;
  @IsOptional() @IsString() KAFKA_SSL_KEY_LOCATION?: string;
  @IsOptional() @IsString() KAFKA_SSL_KEY_PASSWORD?: string;
  @IsOptional() @IsString() KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM?: string;
  @IsOptional() @IsString() KAFKA_SASL_MECHANISM?: string;
  @IsOptional() @IsString() KAFKA_SASL_USERNAME?: string;
  @IsOptional() @IsString() KAFKA_SASL_PASSWORD?: string;
  @IsOptional() @IsString() KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL?: string;
  @IsOptional() @IsString() KAFKA_SASL_OAUTHBEARER_CLIENT_ID?: string;
  @IsOptional() @IsString() KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET?: string;
  @IsOptional() @IsString() KAFKA_SASL_OAUTHBEARER_SCOPE?: string;
}

/** The block's values, whatever class (or mixin) carries them. */
export type KafkaVariables = Pick<KafkaEnvironment, keyof KafkaEnvironment>;

/**
 * The connection every client of the process is made from. The security settings are checked and their
 * files read here, at boot: a wrong one throws ConfigValidationError naming the variable, never its value.
 */
export function kafkaConnectionOf(env: KafkaVariables): KafkaConnectionOptions {
  const variables = env as unknown as Readonly<Record<string, string | undefined>>;
  const security = Object.fromEntries(
    Object.values(KAFKA_SECURITY_ENV).map((name) => [name, variables[name]]),
  );
  try {
    return {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      security: kafkaSecurity(readKafkaSecuritySettings(security)),
    };
  } catch (error) {
    if (error instanceof KafkaSecurityError) {
      throw new ConfigValidationError([error.message]);
    }
    throw error;
  }
}

/**
 * The Kafka block alone, for the processes that are not apps (benchmarks, the launcher, test harnesses):
 * the same variables, validation and mapping as an app's.
 */
export function kafkaConnectionFromEnv(raw: EnvSource, clientId: string): KafkaConnectionOptions {
  return kafkaConnectionOf(validateEnvironment(KafkaEnvironment, { KAFKA_CLIENT_ID: clientId, ...raw }));
}
