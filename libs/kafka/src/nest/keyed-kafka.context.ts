import { BaseRpcContext } from '@nestjs/microservices';
import { type KeyedMessage } from '../consumer/keyed-message';

/** The `@Ctx()` of a KeyedKafkaTransport handler: where the message came from, and its signal. */
export class KeyedKafkaContext extends BaseRpcContext<[KeyedMessage]> {
  getMessage(): KeyedMessage {
    return this.args[0];
  }

  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getOffset(): string {
    return this.args[0].offset;
  }

  getKey(): string | null {
    return this.args[0].key;
  }

  getHeaders(): Readonly<Record<string, string>> {
    return this.args[0].headers;
  }

  /** Aborted when the consumer gives this message up (revoked partition, shutdown deadline). */
  getSignal(): AbortSignal {
    return this.args[0].signal;
  }
}
