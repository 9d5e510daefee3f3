import { type Admin } from 'kafkajs';
import { ConsumerGroupActiveError } from './consumer-group-active.error';
import { ConsumerGroupOffsets } from './consumer-group-offsets';

type SetOffsets = (group: FakeGroup, partitions: { partition: number; offset: string }[]) => Promise<void>;

interface FakeGroup {
  members: { memberId: string; clientId: string; clientHost: string }[];
  committed: Map<number, number>;
}

const member = { memberId: 'm-1', clientId: 'tier-sync', clientHost: '/10.0.0.7' };

/** The admin calls ConsumerGroupOffsets makes, over one in-memory group; setOffsets is the scenario. */
function fakeAdmin(group: FakeGroup, setOffsets: SetOffsets) {
  const calls: string[] = [];
  const admin = {
    describeGroups: () =>
      Promise.resolve({
        groups: [{ state: group.members.length > 0 ? 'Stable' : 'Empty', members: group.members }],
      }),
    fetchOffsets: () =>
      Promise.resolve([
        {
          topic: 't',
          partitions: [0, 1].map((p) => ({ partition: p, offset: String(group.committed.get(p) ?? -1) })),
        },
      ]),
    setOffsets: ({ partitions }: { partitions: { partition: number; offset: string }[] }) => {
      calls.push('setOffsets');
      return setOffsets(group, partitions);
    },
  };
  return { sut: new ConsumerGroupOffsets(admin as unknown as Admin), calls };
}

const commitAll: SetOffsets = (group, partitions) => {
  partitions.forEach((p) => group.committed.set(p.partition, Number(p.offset)));
  return Promise.resolve();
};

const targets = [
  { partition: 0, offset: 3 },
  { partition: 1, offset: 0 },
];

describe(ConsumerGroupOffsets.name, () => {
  it('moves an empty group and reads the offsets back', async () => {
    const group: FakeGroup = { members: [], committed: new Map([[0, 9]]) };
    const { sut } = fakeAdmin(group, commitAll);
    await sut.moveEmptyGroup('g', 't', targets);
    expect(group.committed).toEqual(
      new Map([
        [0, 3],
        [1, 0],
      ]),
    );
  });

  it('refuses a group with members without touching its offsets', async () => {
    const group: FakeGroup = { members: [member], committed: new Map([[0, 9]]) };
    const { sut, calls } = fakeAdmin(group, commitAll);
    const error = await sut.moveEmptyGroup('g', 't', targets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsumerGroupActiveError);
    expect(error).toMatchObject({ group: { groupId: 'g', members: [member] }, unmoved: [] });
    expect(calls).toEqual([]);
    expect(group.committed).toEqual(new Map([[0, 9]]));
  });

  it('names the partitions a consumer that joined during the move kept', async () => {
    const group: FakeGroup = { members: [], committed: new Map([[0, 9]]) };
    const { sut } = fakeAdmin(group, (g, partitions) => {
      g.members.push(member);
      return commitAll(g, partitions.slice(1));
    });
    const error = await sut.moveEmptyGroup('g', 't', targets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsumerGroupActiveError);
    expect(error).toMatchObject({ group: { members: [member] }, unmoved: [0] });
  });

  it("turns kafkajs's own not-empty refusal into the same error", async () => {
    const group: FakeGroup = { members: [], committed: new Map() };
    const { sut } = fakeAdmin(group, (g) => {
      g.members.push(member);
      return Promise.reject(new Error('The consumer group must have no running instances'));
    });
    const error = await sut.moveEmptyGroup('g', 't', targets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsumerGroupActiveError);
    expect(error).toMatchObject({ unmoved: [0, 1] });
  });

  it('passes any other failure through', async () => {
    const group: FakeGroup = { members: [], committed: new Map() };
    const failure = new Error('broker down');
    const { sut } = fakeAdmin(group, () => Promise.reject(failure));
    await expect(sut.moveEmptyGroup('g', 't', targets)).rejects.toBe(failure);
  });
});
