import { type MessageHandler } from '@nestjs/microservices';
import { KeyedKafkaTransport, type KeyedKafkaTransportOptions } from '@tiersync/kafka';
import { type TopicMap, type TopicRole } from '@tiersync/tier-events';

/** `@EventPattern`s name topic ROLES: topic names carry KAFKA_TOPIC_PREFIX, known only at run time, while
 * decorators are fixed when the class is defined. Incoming topics are mapped back to their role here. */
export class TopicRoleTransport extends KeyedKafkaTransport {
  private readonly roleOf: ReadonlyMap<string, string>;

  constructor(
    options: Omit<KeyedKafkaTransportOptions, 'topics'>,
    topics: TopicMap,
    roles: readonly TopicRole[],
  ) {
    super({ ...options, topics: roles.map((role) => topics[role]) });
    this.roleOf = new Map(roles.map((role) => [topics[role], role]));
  }

  /** A map lookup per message: Nest's own lookup first tries to JSON.parse the pattern, which throws here. */
  override getHandlerByPattern(pattern: string): MessageHandler | null {
    return this.messageHandlers.get(this.roleOf.get(pattern) ?? pattern) ?? null;
  }
}
