import { type PartitionOffsets } from '@tiersync/kafka';
import { UsageError } from '../cli/usage.error';
import { planReplay } from './replay-plan';

const states: PartitionOffsets[] = [
  { partition: 0, low: 0, high: 200, committed: 150 },
  { partition: 1, low: 10, high: 100, committed: 100 },
  { partition: 2, low: 0, high: 50, committed: null },
];

describe(planReplay.name, () => {
  it('counts records handled again per partition: committed minus target', () => {
    const plan = planReplay(
      states,
      new Map([
        [0, 120],
        [1, 40],
      ]),
    );
    expect(plan.partitions).toEqual([
      { ...states[0], target: 120, again: 30, skipped: 0, toHandle: 80 },
      { ...states[1], target: 40, again: 60, skipped: 0, toHandle: 60 },
    ]);
    expect(plan.totals).toEqual({ again: 90, skipped: 0, toHandle: 140 });
  });

  it('reports records a forward move would skip', () => {
    expect(planReplay(states, new Map([[0, 180]])).partitions[0]).toMatchObject({ again: 0, skipped: 30 });
  });

  it('cannot compare without a committed offset, but still knows what is left to handle', () => {
    expect(planReplay(states, new Map([[2, 5]])).partitions[0]).toMatchObject({
      again: null,
      skipped: 0,
      toHandle: 45,
    });
  });

  it.each([
    [new Map([[9, 0]]), 'partition 9 does not exist'],
    [new Map([[1, 5]]), 'outside the log [10, 100]'],
    [new Map([[0, 201]]), 'outside the log [0, 200]'],
  ])('refuses impossible targets %#', (targets, message) => {
    expect(() => planReplay(states, targets)).toThrow(UsageError);
    expect(() => planReplay(states, targets)).toThrow(message);
  });
});
