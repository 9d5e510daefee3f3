import { type PartitionOffsets } from '@tiersync/kafka';
import { UsageError } from '../cli/usage.error';

export interface PartitionPlan extends PartitionOffsets {
  target: number;
  /** Records the group already handled that it will handle again (null: no committed offset to compare). */
  again: number | null;
  skipped: number;
  toHandle: number;
}

export interface ReplayPlan {
  partitions: PartitionPlan[];
  totals: { again: number; skipped: number; toHandle: number };
}

export function planReplay(
  states: readonly PartitionOffsets[],
  targets: ReadonlyMap<number, number>,
): ReplayPlan {
  const byPartition = new Map(states.map((s) => [s.partition, s]));
  const partitions = [...targets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([partition, target]) => {
      const state = byPartition.get(partition);
      if (!state) {
        throw new UsageError(`partition ${partition} does not exist (the topic has ${states.length})`);
      }
      return planPartition(state, target);
    });
  const sum = (pick: (p: PartitionPlan) => number) => partitions.reduce((total, p) => total + pick(p), 0);
  return {
    partitions,
    totals: {
      again: sum((p) => p.again ?? 0),
      skipped: sum((p) => p.skipped),
      toHandle: sum((p) => p.toHandle),
    },
  };
}

function planPartition(state: PartitionOffsets, target: number): PartitionPlan {
  if (target < state.low || target > state.high) {
    throw new UsageError(
      `offset ${target} on partition ${state.partition} is outside the log [${state.low}, ${state.high}]`,
    );
  }
  const { committed } = state;
  return {
    ...state,
    target,
    again: committed === null ? null : Math.max(0, committed - target),
    skipped: committed === null ? 0 : Math.max(0, target - committed),
    toHandle: state.high - target,
  };
}
