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

/** A connection setting added here reaches every process through kafkaConnectionOf. */
export class KafkaEnvironment {
  @ListVar('KAFKA_BROKERS must list host:port pairs, comma-separated') KAFKA_BROKERS!: string[];
  @IsString() @Matches(/^[A-Za-z0-9._-]*$/) KAFKA_TOPIC_PREFIX = 'tiersync.';
  @IsString() @IsNotEmpty() KAFKA_CLIENT_ID!: string;
  @IntVar(1, 16) KAFKA_REPLICATION_FACTOR = 1;

  // Carried as text so that readKafkaSecuritySettings alone checks values and combinations.
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

export type KafkaVariables = Pick<KafkaEnvironment, keyof KafkaEnvironment>;

/** Checked at boot: a wrong setting throws ConfigValidationError naming the variable, never its value. */
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

export function kafkaConnectionFromEnv(raw: EnvSource, clientId: string): KafkaConnectionOptions {
  return kafkaConnectionOf(validateEnvironment(KafkaEnvironment, { KAFKA_CLIENT_ID: clientId, ...raw }));
}
