import { BaseRpcContext } from '@nestjs/microservices';
import { type KeyedMessage } from '../consumer/keyed-message';

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

  getSignal(): AbortSignal {
    return this.args[0].signal;
  }
}
