import { ConsumerGroupActiveError, ConsumerGroupOffsets, withAdmin } from '@tiersync/kafka';
import { type Command } from 'commander';
import { commandContext, type CliDeps, type CommandContext } from '../cli/command-context';
import { RefusedError } from '../cli/refused.error';
import { parseInstant } from '../cli/time.parser';
import { UsageError } from '../cli/usage.error';
import { activeGroupRefusal } from '../kafka/active-group.refusal';
import { parseOffsetList } from '../kafka/offset-list.parser';
import { planReplay } from '../kafka/replay-plan';
import { describeReplay, type ReplayReport } from '../kafka/replay.report';
import { resolveTopic, topicRoleNames } from '../kafka/topic-resolver';

interface ReplayFlags {
  topic: string;
  toTime?: string;
  offsets?: string;
  consumerGroup?: string;
  dryRun?: boolean;
  allowSkip?: boolean;
}

export function registerReplayCommand(program: Command, deps: CliDeps): void {
  program
    .command('replay')
    .description("move tier-sync's consumer group back (or forward) on one topic, to re-handle records")
    .requiredOption('--topic <role|name>', `topic role (${topicRoleNames().join(', ')}) or full name`)
    .option('--to-time <when>', 'first record at/after this instant: ISO 8601 with zone, or epoch ms')
    .option('--offsets <list>', 'explicit offsets, partition:offset,... (e.g. 0:120,1:98)')
    .option('--consumer-group <id>', 'consumer group to move (env KAFKA_CONSUMER_GROUP)')
    .option('--dry-run', 'show committed vs target vs high watermark per partition; change nothing')
    .option('--allow-skip', 'allow moving FORWARD, i.e. never handling the records in between')
    .addHelpText('after', HELP)
    .action(async (flags: ReplayFlags, command: Command) => {
      const ctx = commandContext(command, deps, { KAFKA_CONSUMER_GROUP: flags.consumerGroup });
      const report = await replay(flags, ctx);
      ctx.output.result(report, () => describeReplay(report));
    });
}

async function replay(flags: ReplayFlags, ctx: CommandContext): Promise<ReplayReport> {
  if ((flags.toTime === undefined) === (flags.offsets === undefined)) {
    throw new UsageError('give exactly one of --to-time or --offsets');
  }
  const topic = resolveTopic(flags.topic, ctx.config.kafka.topicPrefix);
  const groupId = ctx.config.kafka.consumerGroup;
  const toTime = flags.toTime === undefined ? undefined : parseInstant(flags.toTime, '--to-time');
  const explicit = flags.offsets === undefined ? undefined : parseOffsetList(flags.offsets);
  return withAdmin(ctx.kafka(), async (admin) => {
    const offsets = new ConsumerGroupOffsets(admin);
    if (!(await offsets.topicExists(topic))) {
      throw new UsageError(`topic ${topic} does not exist`);
    }
    const [group, states] = await Promise.all([
      offsets.describe(groupId),
      offsets.partitions(groupId, topic),
    ]);
    const targets = explicit ?? (await offsets.offsetsAt(topic, toTime ?? 0));
    const plan = planReplay(states, targets);
    const report: ReplayReport = {
      topic,
      consumerGroup: groupId,
      dryRun: flags.dryRun === true,
      toTime: toTime === undefined ? null : new Date(toTime).toISOString(),
      group,
      applied: false,
      ...plan,
    };
    if (report.dryRun) {
      return report;
    }
    if (plan.totals.skipped > 0 && flags.allowSkip !== true) {
      throw new RefusedError(
        `this moves ${groupId} FORWARD past ${plan.totals.skipped} record(s) it has not handled yet; ` +
          'they would never be handled. Check with --dry-run; add --allow-skip if that is intended.',
      );
    }
    try {
      await offsets.moveEmptyGroup(
        groupId,
        topic,
        plan.partitions.map((p) => ({ partition: p.partition, offset: p.target })),
      );
    } catch (error) {
      throw error instanceof ConsumerGroupActiveError ? activeGroupRefusal(error) : error;
    }
    return { ...report, applied: true };
  });
}

const HELP = `
Kafka moves the offsets of a consumer group only while the group has no members, and a running
consumer would overwrite them with its next commit. So replay refuses (exit 3) while tier-sync runs
and names its members: stop tier-sync or scale it to 0, run the command again, then start tier-sync;
it resumes from the new offsets. --dry-run works at any time.

Examples:
  ops replay --topic webhook-events --to-time 2025-06-01T08:00:00Z --dry-run
  ops replay --topic group-commands --offsets 0:120,1:98
`;
