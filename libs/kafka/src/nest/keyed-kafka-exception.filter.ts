import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseRpcExceptionFilter } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';
import { KeyedKafkaContext } from './keyed-kafka.context';

/** Nest's default RPC filter hides unknown exceptions; the error policy needs them intact. */
@Catch()
export class KeyedKafkaExceptionFilter extends BaseRpcExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<unknown> {
    if (host.getType() === 'rpc' && host.getArgByIndex(1) instanceof KeyedKafkaContext) {
      return throwError(() => exception);
    }
    return super.catch(exception, host);
  }
}
