import { type Command } from 'commander';
import { type Kafka } from 'kafkajs';
import { commandContext, withAdmin, type CliDeps } from '../cli/command-context';
import { type Output } from '../cli/output';
import { RefusedError } from '../cli/refused.error';
import { parseInstant } from '../cli/time.parser';
import { UsageError } from '../cli/usage.error';
import { type OpsConfig } from '../config/ops.config';
import { GroupCoordinatorClient } from '../kafka/group-coordinator.client';
import { GroupInspector } from '../kafka/group-inspector';
import { parseOffsetList } from '../kafka/offset-list.parser';
import { liveMembersMessage, OffsetMover } from '../kafka/offset-mover';
import { planReplay } from '../kafka/replay-plan';
import { describeReplay, type ReplayReport } from '../kafka/replay.report';
import { resolveTopic, topicRoleNames } from '../kafka/topic-resolver';

interface ReplayFlags {
  topic: string;
  toTime?: string;
  offsets?: string;
  consumerGroup?: string;
  dryRun?: boolean;
  force?: boolean;
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
    .option('--force', 'remove live members from the group, then move it (they rejoin from the new offsets)')
    .option('--allow-skip', 'allow moving FORWARD, i.e. never handling the records in between')
    .addHelpText('after', HELP)
    .action(async (flags: ReplayFlags, command: Command) => {
      const ctx = commandContext(command, deps, { KAFKA_CONSUMER_GROUP: flags.consumerGroup });
      const report = await replay(flags, ctx.config.kafka, ctx.kafka(), ctx.output);
      ctx.output.result(report, () => describeReplay(report));
    });
}

async function replay(
  flags: ReplayFlags,
  kafkaConfig: OpsConfig['kafka'],
  kafka: Kafka,
  output: Output,
): Promise<ReplayReport> {
  if ((flags.toTime === undefined) === (flags.offsets === undefined)) {
    throw new UsageError('give exactly one of --to-time or --offsets');
  }
  const topic = resolveTopic(flags.topic, kafkaConfig.topicPrefix);
  const groupId = kafkaConfig.consumerGroup;
  const toTime = flags.toTime === undefined ? undefined : parseInstant(flags.toTime, '--to-time');
  const explicit = flags.offsets === undefined ? undefined : parseOffsetList(flags.offsets);
  return withAdmin(kafka, async (admin) => {
    const inspector = new GroupInspector(admin);
    await inspector.requireTopic(topic);
    const [group, states] = await Promise.all([
      inspector.group(groupId),
      inspector.partitions(groupId, topic),
    ]);
    const targets = explicit ?? (await inspector.offsetsAt(topic, toTime ?? 0));
    const plan = planReplay(states, targets);
    const report: ReplayReport = {
      topic,
      consumerGroup: groupId,
      dryRun: flags.dryRun === true,
      toTime: toTime === undefined ? null : new Date(toTime).toISOString(),
      group,
      applied: false,
      evictedMembers: [],
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
    if (group.members.length > 0 && flags.force !== true) {
      throw new RefusedError(liveMembersMessage(group));
    }
    const coordinator = new GroupCoordinatorClient({
      brokers: kafkaConfig.brokers,
      clientId: kafkaConfig.clientId,
    });
    const offsets = plan.partitions.map((p) => ({ partition: p.partition, offset: p.target }));
    const moved = await new OffsetMover(inspector, coordinator).move(
      groupId,
      topic,
      offsets,
      flags.force === true,
    );
    if (moved.evicted.length > 0) {
      output.warn(FORCE_CAVEAT);
    }
    return { ...report, applied: true, evictedMembers: moved.evicted };
  });
}

const FORCE_CAVEAT =
  'the removed consumers now rejoin; check that they re-handle the range (committed offsets and lag of ' +
  'the group). A consumer that keeps per-partition state across a rejoin must treat a start below its ' +
  "own commit as a rewind (libs/kafka's KeyedConsumer, which tier-sync runs, does).";

const HELP = `
Kafka accepts offset changes only for a consumer group without members, and a live member would
overwrite them with its next commit. So replay refuses (exit 3) while tier-sync is running. Either
stop tier-sync first, or pass --force: the CLI removes the live members from the group, commits the
new offsets while the group is empty (the broker checks that atomically), and the consumers rejoin at
their next heartbeat from the new offsets. Their in-flight work is handled again (at-least-once).
--force needs a PLAINTEXT listener (it talks to the group coordinator directly).
tier-sync's KeyedConsumer sees that its rejoin starts below its own last commit and handles the
rewound range again.

Examples:
  ops replay --topic webhook-events --to-time 2025-06-01T08:00:00Z --dry-run
  ops replay --topic group-commands --offsets 0:120,1:98 --force
`;
