import { type EventPublisher } from '@tiersync/kafka';
import { type ProgressReporter } from '../cli/progress-reporter';
import { type DowngradePolicy } from '../config/ops.environment';
import { estimatedSyncCalls, type CallPacer } from './call-pacer';
import { calculateDrift, type GroupDrift } from './drift.calculator';
import { type GroupSnapshotReader } from './group-snapshot.reader';
import { reconcileCommandOf } from './reconcile-command.factory';

export interface ReconcileOptions {
  policy: DowngradePolicy;
  programIds: readonly number[];
  check: boolean;
  dryRun: boolean;
}

export interface GroupReport {
  groupId: number;
  status: 'in-step' | 'drifted' | 'unchecked' | 'skipped' | 'failed';
  drift?: GroupDrift;
  reason?: string;
  commands: { commandId: string; programId: number }[];
}

export interface ReconcileDeps {
  reader: GroupSnapshotReader;
  pacer: CallPacer;
  publisher?: { publisher: Pick<EventPublisher, 'publish'>; topic: string };
  progress: ProgressReporter;
  now?: () => number;
}

export async function reconcileGroup(
  groupId: number,
  options: ReconcileOptions,
  deps: ReconcileDeps,
): Promise<GroupReport> {
  try {
    const outcome = await deps.reader.read(groupId, options.check);
    if (outcome.kind === 'skipped') {
      return { groupId, status: 'skipped', reason: outcome.reason, commands: [] };
    }
    const { snapshot } = outcome;
    const drift = options.check ? calculateDrift(snapshot, options.policy, options.programIds) : undefined;
    const targets: { programId: number; drifted?: number }[] = drift
      ? drift.programs
          .filter((p) => p.drifted.length > 0)
          .map((p) => ({ programId: p.programId, drifted: p.drifted.length }))
      : snapshot.primaryTiers
          .filter((t) => !options.programIds.length || options.programIds.includes(t.programId))
          .map((t) => ({ programId: t.programId }));
    const commands: GroupReport['commands'] = [];
    if (!options.dryRun && deps.publisher) {
      for (const target of targets) {
        await deps.pacer.reserve(estimatedSyncCalls(outcome.activeSecondaries, target.drifted));
        const command = reconcileCommandOf(
          { groupId, primaryCustomerId: snapshot.primaryCustomerId, programId: target.programId },
          (deps.now ?? Date.now)(),
        );
        await deps.publisher.publisher.publish(deps.publisher.topic, String(groupId), command);
        commands.push({ commandId: command.commandId, programId: target.programId });
      }
    }
    const status = drift ? (targets.length > 0 ? 'drifted' : 'in-step') : 'unchecked';
    return { groupId, status, drift, commands };
  } catch (error) {
    return {
      groupId,
      status: 'failed',
      reason: error instanceof Error ? error.message : String(error),
      commands: [],
    };
  } finally {
    deps.progress.step();
  }
}
