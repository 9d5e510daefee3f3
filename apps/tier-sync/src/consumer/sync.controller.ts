import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KeyedKafkaContext, KeyedKafkaExceptionFilter } from '@tiersync/kafka';
import { parseEvent, parseGroupSyncCommand } from '@tiersync/tier-events';
import { EventRouterService } from '../router/event-router.service';
import { GroupCommandService } from '../sync/group-command.service';

/** Topic roles the handlers listen to (TopicRoleTransport maps them to prefixed topic names). */
export const CONSUMED_ROLES = ['webhookEvents', 'groupCommands', 'groupCommandsRetry'] as const;

/**
 * Thin Kafka handlers: parse, delegate to one service method, and let the returned promise mark the
 * message done. A parse failure throws InvalidEventError, which the consumer's error policy keeps aside
 * (ConsumerFailureHandler); any other failure is retried by the consumer, never swallowed. The filter hands exceptions to the
 * consumer unchanged (Nest's default RPC filter would hide them behind a generic error).
 */
@Controller()
@UseFilters(new KeyedKafkaExceptionFilter())
export class SyncController {
  constructor(
    private readonly commands: GroupCommandService,
    private readonly router: EventRouterService,
  ) {}

  @EventPattern('webhookEvents')
  async onWebhookEvent(@Payload() raw: unknown, @Ctx() context: KeyedKafkaContext): Promise<void> {
    await this.router.route(parseEvent(raw), context.getMessage());
  }

  @EventPattern('groupCommands')
  async onGroupCommand(@Payload() raw: unknown, @Ctx() context: KeyedKafkaContext): Promise<void> {
    await this.commands.execute(parseGroupSyncCommand(raw), context.getMessage());
  }

  @EventPattern('groupCommandsRetry')
  async onGroupCommandRetry(@Payload() raw: unknown, @Ctx() context: KeyedKafkaContext): Promise<void> {
    await this.commands.execute(parseGroupSyncCommand(raw), context.getMessage());
  }
}
