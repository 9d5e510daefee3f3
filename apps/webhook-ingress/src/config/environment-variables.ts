// class-transformer's @Type reads design:type metadata, so the polyfill must load before the decorators run.
import 'reflect-metadata';

import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

/** `log` is Nest's (and tier-sync's) name for `info`, so one LOG_LEVEL fits both apps. */
export const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** Only the literal words count: "1" or "yes" must not switch authentication off by accident. */
const toBoolean = Transform(({ value }: { value: unknown }) => {
  if (value === 'true') {
    return true;
  }
  return value === 'false' ? false : value;
});

/**
 * Every environment variable the ingress reads, with its default. Unknown variables are ignored; an empty
 * value counts as unset (compose files often declare `FOO=`).
 */
export class EnvironmentVariables {
  @Matches(/^\s*[^,\s]+(\s*,\s*[^,\s]+)*\s*$/, {
    message: 'KAFKA_BROKERS must list host:port pairs, comma-separated',
  })
  KAFKA_BROKERS!: string;
  @IsString() KAFKA_TOPIC_PREFIX = 'tiersync.';
  @IsString() @MinLength(1) KAFKA_CLIENT_ID = 'tiersync-webhook-ingress';
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) KAFKA_TOPIC_PARTITIONS = 6;
  @Type(() => Number) @IsInt() @Min(1) @Max(16) KAFKA_REPLICATION_FACTOR = 1;

  @IsString() INGRESS_HOST = '0.0.0.0';
  /** 0 picks a free port (tests, the launcher). */
  @Type(() => Number) @IsInt() @Min(0) @Max(65535) INGRESS_PORT = 3000;
  @Matches(/^\/[\w\-./]*$/, {
    message: 'WEBHOOK_PATH must be an absolute URL path such as /webhooks/capillary',
  })
  WEBHOOK_PATH = '/webhooks/capillary';
  @Type(() => Number) @IsInt() @Min(1024) @Max(16 * 1024 * 1024) WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

  /** An HTTP header name (RFC 9110 token characters). */
  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'WEBHOOK_AUTH_HEADER must be an HTTP header name' })
  WEBHOOK_AUTH_HEADER = 'x-webhook-token';
  /** Required outside demo mode; a short static secret is guessable, hence the minimum length. */
  // DEMO_MODE may be an invalid string here (reported on its own), which must not switch auth off.
  @ValidateIf(
    (env: { DEMO_MODE: unknown; WEBHOOK_SECRET?: unknown }) =>
      env.DEMO_MODE !== true || env.WEBHOOK_SECRET !== undefined,
  )
  @MinLength(16)
  @IsString({ message: 'WEBHOOK_SECRET is required unless DEMO_MODE=true' }) // checked first: bottom-up
  WEBHOOK_SECRET?: string;
  @toBoolean @IsBoolean({ message: 'DEMO_MODE must be true or false' }) DEMO_MODE = false;

  @Type(() => Number) @IsInt() @Min(50) @Max(120_000) PUBLISH_DEADLINE_MS = 3000;
  @Type(() => Number) @IsInt() @Min(0) @Max(1000) PUBLISH_LINGER_MS = 1;
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000) PUBLISH_BATCH_MAX_RECORDS = 500;
  @Type(() => Number) @IsInt() @Min(1) @Max(86_400) RETRY_AFTER_SECONDS = 30;
  @Type(() => Number) @IsInt() @Min(0) @Max(600_000) SHUTDOWN_TIMEOUT_MS = 10_000;

  @IsIn(LOG_LEVEL_NAMES) LOG_LEVEL: LogLevelName = 'info';
}
