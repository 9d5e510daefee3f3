import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { KeyedKafkaContext, KeyedKafkaExceptionFilter } from '@tiersync/kafka';
import { parseEvent, parseGroupSyncCommand } from '@tiersync/tier-events';
import { EventRouterService } from '../router/event-router.service';
import { GroupCommandService } from '../sync/group-command.service';

export const CONSUMED_ROLES = ['webhookEvents', 'groupCommands', 'groupCommandsRetry'] as const;

/** A parse failure throws InvalidEventError, kept aside by ConsumerFailureHandler; any other failure is
 * retried. The filter passes exceptions on unchanged: Nest's default RPC filter hides them. */
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
