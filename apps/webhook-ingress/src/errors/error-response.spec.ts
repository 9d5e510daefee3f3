import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { KafkaUnavailableError, RecordTooLargeError } from '@tiersync/kafka';
import { EventRejectedError } from '../webhook/webhook.errors';
import { toErrorResponse } from './error-response';

describe(toErrorResponse.name, () => {
  it('answers 400 with the violations only for a body that can never be valid', () => {
    const violations = [{ path: 'eventId', message: 'is required' }];
    expect(toErrorResponse(new EventRejectedError(violations))).toEqual({
      status: 400,
      body: { error: 'invalid event', violations },
      outcome: 'rejected',
    });
  });

  it('answers 429 when Kafka does not acknowledge', () => {
    expect(toErrorResponse(new KafkaUnavailableError('deadline'))).toMatchObject({
      status: 429,
      outcome: 'unavailable',
    });
  });

  it('answers a bug of ours 500, never 429: only a record Kafka did not take is worth retrying', () => {
    expect(toErrorResponse(new TypeError('bug'))).toMatchObject({
      status: 500,
      outcome: 'error',
      unexpected: true,
    });
    expect(toErrorResponse(new HttpException('boom', 500))).toMatchObject({ status: 500, outcome: 'error' });
    expect(toErrorResponse('thrown string')).toMatchObject({ status: 500 });
  });

  it('maps the HTTP-level refusals', () => {
    expect(toErrorResponse(new UnauthorizedException('detail'))).toEqual({
      status: 401,
      body: { error: 'unauthorized' },
      outcome: 'unauthorized',
    });
    expect(toErrorResponse(new PayloadTooLargeException())).toMatchObject({
      status: 413,
      outcome: 'too_large',
    });
    expect(toErrorResponse(new RecordTooLargeError())).toMatchObject({ status: 413, outcome: 'too_large' });
    expect(toErrorResponse(new UnsupportedMediaTypeException())).toMatchObject({
      status: 415,
      outcome: 'unsupported_media_type',
    });
    expect(toErrorResponse(new BadRequestException('bad length'))).toMatchObject({
      status: 400,
      outcome: 'bad_request',
    });
  });
});
