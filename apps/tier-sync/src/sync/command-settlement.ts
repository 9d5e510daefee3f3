import {
  createDeadLetter,
  type DeadLetter,
  type GroupSyncCommand,
  type MemberOutcome,
  type SyncOutcome,
  type SyncResultInit,
} from '@tiersync/tier-events';
import { retryTopicDelay } from '../capillary/backoff';
import { type Random } from '../clock';
import { type RetryPolicy } from '../config/tier-sync.config';
import { deriveCommand } from './command-copy';
import { type FailureRecord } from './failure-record';
import { type MemberReport } from './member-sync.runner';

export interface CommandOutcome {
  programId?: number;
  target?: { number: number; name: string };
  members: MemberReport[];
  failure?: { error: FailureRecord; retryAfterMs?: number; note: string };
  ignored?: string;
}

export interface Settlement {
  result: SyncResultInit;
  retry?: GroupSyncCommand;
  deadLetters: DeadLetter[];
}

export interface SettleContext {
  runId?: string;
  startedAt: number;
  now: number;
  dryRun: boolean;
  newId: () => string;
  source?: { topic: string; partition: number; offset: string };
  random?: Random;
}

export function settle(
  command: GroupSyncCommand,
  outcome: CommandOutcome,
  policy: RetryPolicy,
  ctx: SettleContext,
): Settlement {
  const attemptsLeft = command.attempt + 1 < policy.maxAttempts;
  const deadLetters: DeadLetter[] = [];
  const retryIds: number[] = [];
  let retryAfterMs = outcome.failure?.retryAfterMs ?? 0;
  const members = outcome.members.map((report) => {
    if (report.status !== 'FAILED' || !report.error) {
      return memberResult(report, report.status as MemberOutcome);
    }
    if (report.error.retryable && attemptsLeft) {
      retryIds.push(report.customerId);
      retryAfterMs = Math.max(retryAfterMs, report.retryAfterMs ?? 0);
      return memberResult(report, 'RETRY_SCHEDULED');
    }
    deadLetters.push(deadLetterOf(command, report.customerId, report.error, policy, ctx));
    return memberResult(report, 'DEAD_LETTERED');
  });
  const failure = outcome.failure;
  const retryWhole = failure !== undefined && failure.error.retryable && attemptsLeft;
  if (failure && !retryWhole) {
    deadLetters.push(deadLetterOf(command, undefined, failure.error, policy, ctx, failure.note));
  }
  const retryMembers = retryWhole ? command.memberIds : retryIds;
  const retry =
    retryWhole || retryIds.length > 0
      ? retryCommand(command, retryMembers, retryAfterMs, policy, ctx)
      : undefined;
  const result: SyncResultInit = {
    commandId: command.commandId,
    kind: command.kind,
    groupId: command.groupId,
    primaryCustomerId: command.primaryCustomerId,
    ...(ctx.runId ? { runId: ctx.runId } : {}),
    ...((outcome.programId ?? command.programId)
      ? { programId: outcome.programId ?? command.programId }
      : {}),
    trigger: command.trigger,
    dryRun: ctx.dryRun,
    outcome: overall(
      outcome,
      members.map((m) => m.outcome),
    ),
    reason: reasonOf(outcome, members, retry, deadLetters.length),
    ...(outcome.target
      ? { target: { tierNumber: outcome.target.number, tierName: outcome.target.name } }
      : {}),
    members,
    startedAt: ctx.startedAt,
    finishedAt: ctx.now,
    durationMs: Math.max(0, ctx.now - ctx.startedAt),
  };
  return { result, ...(retry ? { retry } : {}), deadLetters };
}

function memberResult(report: MemberReport, outcome: MemberOutcome): SyncResultInit['members'][number] {
  return {
    customerId: report.customerId,
    ...(report.tierBefore ? { tierBefore: report.tierBefore } : {}),
    ...(report.tierAfter ? { tierAfter: report.tierAfter } : {}),
    action: report.action,
    outcome,
    attempts: report.attempts,
    ...(report.error ? { error: report.error } : {}),
    ...(report.sideEffects ? { sideEffects: report.sideEffects } : {}),
    ...(report.appliedBy ? { appliedBy: report.appliedBy } : {}),
  };
}

export function overall(outcome: CommandOutcome, members: MemberOutcome[]): SyncOutcome {
  if (outcome.ignored !== undefined) {
    return 'IGNORED';
  }
  if (outcome.failure) {
    return 'FAILED';
  }
  const failed = members.filter((m) => m === 'RETRY_SCHEDULED' || m === 'DEAD_LETTERED').length;
  const done = members.filter(
    (m) => m === 'ADJUSTED' || m === 'UNCHANGED' || m === 'PLANNED' || m === 'ALREADY_APPLIED',
  ).length;
  if (failed > 0) {
    return done > 0 ? 'PARTIAL' : 'FAILED';
  }
  const acted = outcome.members.some(
    (m) => m.status === 'ADJUSTED' || (m.status === 'PLANNED' && m.action !== 'NONE'),
  );
  if (acted) {
    return 'SYNCED';
  }
  return members.includes('ALREADY_APPLIED') ? 'ALREADY_APPLIED' : 'NOTHING_TO_DO';
}

function retryCommand(
  command: GroupSyncCommand,
  memberIds: number[] | undefined,
  retryAfterMs: number,
  policy: RetryPolicy,
  ctx: SettleContext,
): GroupSyncCommand {
  const attempt = command.attempt + 1;
  const delay = retryTopicDelay(
    attempt,
    { baseMs: policy.retryDelayMs, maxMs: policy.retryMaxDelayMs, retryAfterMs },
    ctx.random,
  );
  return deriveCommand(command, {
    commandId: ctx.newId(),
    ...(memberIds ? { memberIds } : {}),
    attempt,
    notBefore: ctx.now + delay,
    provenance: {
      source: 'retry',
      originalCommandId: command.provenance?.originalCommandId ?? command.commandId,
    },
    createdAt: ctx.now,
  });
}

function deadLetterOf(
  command: GroupSyncCommand,
  customerId: number | undefined,
  error: FailureRecord,
  policy: RetryPolicy,
  ctx: SettleContext,
  note?: string,
): DeadLetter {
  const attempts = command.attempt + 1;
  const why = error.retryable
    ? `gave up after ${attempts} of ${policy.maxAttempts} attempts`
    : 'permanent failure';
  const who =
    customerId === undefined ? `group ${command.groupId}${note ? ` (${note})` : ''}` : `member ${customerId}`;
  return createDeadLetter({
    deadLetterId: ctx.newId(),
    commandId: command.commandId,
    groupId: command.groupId,
    ...(customerId === undefined ? {} : { customerId }),
    reason: { ...error, message: `${who}: ${why}: ${error.message}` },
    attempts,
    // Redrive re-publishes exactly this: the command restricted to the member that failed.
    command: customerId === undefined ? command : deriveCommand(command, { memberIds: [customerId] }),
    ...(ctx.source ? { source: ctx.source } : {}),
    failedAt: ctx.now,
  });
}

function reasonOf(
  outcome: CommandOutcome,
  members: SyncResultInit['members'],
  retry: GroupSyncCommand | undefined,
  deadLetters: number,
): string | undefined {
  const parts: string[] = [];
  if (outcome.ignored !== undefined) {
    parts.push(outcome.ignored);
  }
  if (outcome.failure) {
    parts.push(`${outcome.failure.note}: ${outcome.failure.error.message}`);
  }
  const counts = new Map<string, number>();
  members.forEach((m) => counts.set(m.outcome, (counts.get(m.outcome) ?? 0) + 1));
  if (counts.size > 0) {
    parts.push([...counts].map(([name, n]) => `${n} ${name.toLowerCase()}`).join(', '));
  }
  outcome.members
    .filter((m) => m.status === 'SKIPPED' || m.status === 'FAILED')
    .forEach((m) => parts.push(`${m.customerId}: ${m.note}`));
  if (retry) {
    parts.push(
      `retry ${retry.commandId} (attempt ${retry.attempt + 1}) at ${new Date(retry.notBefore ?? 0).toISOString()}`,
    );
  }
  if (deadLetters > 0) {
    parts.push(`${deadLetters} dead-lettered`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}
