import { HttpException, HttpStatus } from '@nestjs/common';
import { KafkaUnavailableError, RecordTooLargeError } from '@tiersync/kafka';
import { type WebhookOutcome } from '../metrics/ingress.metrics';
import { EventRejectedError } from '../webhook/webhook.errors';

export interface ErrorResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly outcome: WebhookOutcome;
  readonly unexpected?: boolean;
}

const UNAVAILABLE: ErrorResponse = {
  status: HttpStatus.TOO_MANY_REQUESTS,
  body: { error: 'temporarily unavailable, retry later' },
  outcome: 'unavailable',
};

const INTERNAL_ERROR: ErrorResponse = {
  status: HttpStatus.INTERNAL_SERVER_ERROR,
  body: { error: 'internal error' },
  outcome: 'error',
  unexpected: true,
};

const TOO_LARGE: ErrorResponse = {
  status: HttpStatus.PAYLOAD_TOO_LARGE,
  body: { error: 'payload too large' },
  outcome: 'too_large',
};

const BY_HTTP_STATUS: Partial<Record<number, ErrorResponse>> = {
  [HttpStatus.UNAUTHORIZED]: {
    status: HttpStatus.UNAUTHORIZED,
    body: { error: 'unauthorized' },
    outcome: 'unauthorized',
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    status: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    body: { error: 'unsupported media type: send application/json' },
    outcome: 'unsupported_media_type',
  },
};

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const known = BY_HTTP_STATUS[status];
  if (known) {
    return known;
  }
  return status >= 500
    ? INTERNAL_ERROR
    : { status, body: { error: exception.message }, outcome: 'bad_request' };
}

/** Capillary drops an event on 400 and retries 429 for days (docs/architecture.md, API fact 2). */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof EventRejectedError) {
    return {
      status: HttpStatus.BAD_REQUEST,
      body: { error: 'invalid event', violations: exception.violations },
      outcome: 'rejected',
    };
  }
  if (exception instanceof KafkaUnavailableError) {
    return UNAVAILABLE;
  }
  if (exception instanceof RecordTooLargeError) {
    return TOO_LARGE;
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception);
  }
  return INTERNAL_ERROR;
}
