import { type Consumer } from 'kafkajs';
import { type TopicPartitionOffset } from './keyed-consumer.options';
import { OffsetCommitter } from './offset-committer';
import { PartitionState } from './partition-state';

/** Just enough of a kafkajs consumer: commitOffsets and the COMMIT_OFFSETS event. */
function fakeConsumer(confirms: boolean) {
  let onCommit = (): void => undefined;
  const calls: TopicPartitionOffset[][] = [];
  const consumer = {
    events: { COMMIT_OFFSETS: 'consumer.commit_offsets' },
    on: (_event: string, listener: () => void) => {
      onCommit = listener;
    },
    commitOffsets: (offsets: TopicPartitionOffset[]) => {
      calls.push(offsets);
      if (confirms) {
        onCommit();
      }
      return Promise.resolve();
    },
  };
  return { consumer: consumer as unknown as Consumer, calls };
}

function partitionWithFinished(offsets: number[]): PartitionState {
  const state = new PartitionState('t', 0, 1);
  offsets.forEach((o) => {
    state.tracker.accept(BigInt(o));
    state.tracker.complete(BigInt(o));
  });
  return state;
}

describe(OffsetCommitter.name, () => {
  it('commits each partition’s finished prefix once, and records it', async () => {
    const { consumer, calls } = fakeConsumer(true);
    const state = partitionWithFinished([0, 1, 2]);
    const committed: TopicPartitionOffset[][] = [];
    const sut = new OffsetCommitter(consumer, () => [state], {
      committed: (o) => committed.push(o),
      failed: () => undefined,
    });
    await sut.commit();
    await sut.commit();
    expect(calls).toEqual([[{ topic: 't', partition: 0, offset: '3' }]]);
    expect(committed).toEqual(calls);
    expect(state.tracker.lastCommitted).toBe(3n);
  });

  it('fails, and keeps the offset due, when kafkajs resolves without committing', async () => {
    const { consumer } = fakeConsumer(false);
    const state = partitionWithFinished([0]);
    const sut = new OffsetCommitter(consumer, () => [state], {
      committed: () => undefined,
      failed: () => undefined,
    });
    await expect(sut.commit()).rejects.toThrow(/skipped the commit/);
    expect(state.tracker.lastCommitted).toBeUndefined();
    expect(state.tracker.committable()).toBe(1n);
  });
});
