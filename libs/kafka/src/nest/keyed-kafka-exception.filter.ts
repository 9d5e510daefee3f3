import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { KeyedKafkaContext } from './keyed-kafka.context';

/**
 * Nest's default RPC filter turns every unknown exception into 'Internal server error'; this one lets
 * KeyedKafkaTransport handlers' exceptions through unchanged, so the error policy can classify them.
 */
@Catch()
export class KeyedKafkaExceptionFilter extends BaseRpcExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<unknown> {
    if (host.getType() === 'rpc' && host.getArgByIndex(1) instanceof KeyedKafkaContext) {
      return throwError(() => exception);
    }
    return super.catch(exception, host);
  }
}
