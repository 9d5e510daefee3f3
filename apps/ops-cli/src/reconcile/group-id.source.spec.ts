import { FakeCapillary } from '../../test/fake-capillary';
import { groupIdsOf } from './group-id.source';

async function collect(source: AsyncGenerator<number>): Promise<number[]> {
  const ids: number[] = [];
  for await (const id of source) {
    ids.push(id);
  }
  return ids;
}

describe(groupIdsOf.name, () => {
  it('yields an explicit list as given', async () => {
    expect(await collect(groupIdsOf({ kind: 'ids', ids: [3, 1] }, new FakeCapillary([], {})))).toEqual([
      3, 1,
    ]);
  });

  it('pages through the group search until the total is reached', async () => {
    const groups = Array.from({ length: 230 }, (_, i) => ({ groupId: i + 1, secondaries: {} }));
    const capillary = new FakeCapillary(groups, {});
    const ids = await collect(groupIdsOf({ kind: 'search', query: 'family' }, capillary));
    expect(ids).toEqual(groups.map((g) => g.groupId));
    expect(capillary.calls).toEqual([
      'searchGroups family 0',
      'searchGroups family 100',
      'searchGroups family 200',
    ]);
  });

  it('stops on an empty search', async () => {
    const capillary = new FakeCapillary([], {});
    expect(await collect(groupIdsOf({ kind: 'search', query: '' }, capillary))).toEqual([]);
    expect(capillary.calls).toHaveLength(1);
  });
});
