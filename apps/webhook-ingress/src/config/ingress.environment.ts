import { BoolVar, IntVar, LogLevelVar, type LogLevelName } from '@tiersync/env-config';
import { KafkaEnvironment } from '@tiersync/kafka';
import { IsString, Matches, MinLength, ValidateIf } from 'class-validator';

export class IngressEnvironment extends KafkaEnvironment {
  override KAFKA_CLIENT_ID = 'tiersync-webhook-ingress';
  @IntVar(1, 10_000) KAFKA_TOPIC_PARTITIONS = 6;

  @IsString() INGRESS_HOST = '0.0.0.0';
  @IntVar(0, 65535) INGRESS_PORT = 3000;
  @Matches(/^\/[\w\-./]*$/, {
    message: 'WEBHOOK_PATH must be an absolute URL path such as /webhooks/capillary',
  })
  WEBHOOK_PATH = '/webhooks/capillary';
  @IntVar(1024, 16 * 1024 * 1024) WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'WEBHOOK_AUTH_HEADER must be an HTTP header name' })
  WEBHOOK_AUTH_HEADER = 'x-webhook-token';
  // DEMO_MODE may be an invalid string here (reported on its own), which must not switch auth off.
  @ValidateIf(
    (env: { DEMO_MODE: unknown; WEBHOOK_SECRET?: unknown }) =>
      env.DEMO_MODE !== true || env.WEBHOOK_SECRET !== undefined,
  )
  @MinLength(16)
  @IsString({ message: 'WEBHOOK_SECRET is required unless DEMO_MODE=true' }) // checked first: bottom-up
  WEBHOOK_SECRET?: string;
  @BoolVar({ strict: true }) DEMO_MODE = false;

  @IntVar(50, 120_000) PUBLISH_DEADLINE_MS = 3000;
  @IntVar(0, 1000) PUBLISH_LINGER_MS = 1;
  @IntVar(1, 10_000) PUBLISH_BATCH_MAX_RECORDS = 500;
  @IntVar(1, 86_400) RETRY_AFTER_SECONDS = 30;
  @IntVar(0, 600_000) SHUTDOWN_TIMEOUT_MS = 10_000;

  @LogLevelVar() LOG_LEVEL: LogLevelName = 'info';
}
