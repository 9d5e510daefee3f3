import { type Admin } from 'kafkajs';
import { GroupLagMonitor } from './group-lag.monitor';

/** An admin whose broker answers while `up` is true: one partition, high 10, committed 4. */
function fakeAdmin(state: { up: boolean }): Admin {
  const answer = <T>(value: T) => (state.up ? Promise.resolve(value) : Promise.reject(new Error('down')));
  const admin = {
    connect: () => answer(undefined),
    disconnect: () => Promise.resolve(),
    fetchTopicOffsets: () => answer([{ partition: 0, offset: '10', high: '10', low: '0' }]),
    fetchOffsets: () => answer([{ topic: 't', partitions: [{ partition: 0, offset: '4' }] }]),
  };
  return admin as unknown as Admin;
}

describe(GroupLagMonitor.name, () => {
  it('counts the broker as reachable only within the grace period after its last answer', async () => {
    const state = { up: true };
    let now = 1_000;
    const sut = new GroupLagMonitor(fakeAdmin(state), 'g', ['t'], () => now);
    expect(sut.answeredWithin(15_000)).toBe(false);

    await sut.poll();
    expect(sut.total()).toBe(6);
    state.up = false;
    now += 10_000;
    await expect(sut.poll()).rejects.toThrow('down');
    expect(sut.answeredWithin(15_000)).toBe(true);
    expect(sut.total()).toBe(6);

    now += 6_000;
    expect(sut.answeredWithin(15_000)).toBe(false);
    state.up = true;
    await sut.poll();
    expect(sut.answeredWithin(15_000)).toBe(true);
  });
});
