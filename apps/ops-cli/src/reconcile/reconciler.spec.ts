import { parseGroupSyncCommand } from '@tiersync/tier-events';
import { FakeCapillary, tier } from '../../test/fake-capillary';
import { Output } from '../cli/output';
import { ProgressReporter } from '../cli/progress-reporter';
import { CallPacer } from './call-pacer';
import { GroupSnapshotReader } from './group-snapshot.reader';
import { reconcileGroup, type ReconcileOptions } from './reconciler';

const capillary = new FakeCapillary(
  [
    { groupId: 1, primary: 10, secondaries: { 11: true, 12: false } },
    { groupId: 2, primary: 20, secondaries: { 21: true } },
    { groupId: 3, status: 'INACTIVE', primary: 30, secondaries: {} },
    { groupId: 4, secondaries: { 41: true } },
  ],
  {
    10: [tier(973, 2)],
    11: [tier(973, 1)],
    12: [tier(973, 1)],
    20: [tier(973, 3), tier(2834, 1)],
    21: [tier(973, 3), tier(2834, 1)],
  },
);

function setup() {
  const published: { topic: string; key: string; value: unknown }[] = [];
  const publisher = {
    publish: (topic: string, key: string, value: unknown) => {
      published.push({ topic, key, value });
      return Promise.resolve({ topicName: topic, partition: 0, errorCode: 0 });
    },
  };
  const progress = new ProgressReporter(
    new Output({ stdout: () => undefined, stderr: () => undefined }, false),
    'x',
  );
  const deps = {
    reader: new GroupSnapshotReader(capillary),
    pacer: new CallPacer(0),
    publisher: { publisher, topic: 'p.group-commands.v1' },
    progress,
    now: () => 1_750_000_000_000,
  };
  return { published, deps };
}

const options: ReconcileOptions = { policy: 'mirror', programIds: [], check: true, dryRun: false };

describe(reconcileGroup.name, () => {
  it('queues one RECONCILE for a drifted group, ignoring exited members', async () => {
    const { published, deps } = setup();
    const report = await reconcileGroup(1, options, deps);
    expect(report.status).toBe('drifted');
    expect(report.drift?.programs[0]?.drifted.map((m) => m.customerId)).toEqual([11]);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ topic: 'p.group-commands.v1', key: '1' });
    expect(parseGroupSyncCommand(published[0]?.value)).toMatchObject({
      kind: 'RECONCILE',
      groupId: 1,
      primaryCustomerId: 10,
      programId: 973,
      trigger: { action: 'RECONCILE', occurredAt: 1_750_000_000_000 },
      provenance: { source: 'reconcile' },
      attempt: 0,
    });
    // No tier in the trigger: tier-sync must read the primary's current tier when the command runs.
    expect(parseGroupSyncCommand(published[0]?.value).trigger.tierNumber).toBeUndefined();
    expect(report.commands.map((c) => c.programId)).toEqual([973]);
    expect(report.commands[0]?.commandId).toBe(parseGroupSyncCommand(published[0]?.value).commandId);
  });

  it('writes nothing for a group in step', async () => {
    const { published, deps } = setup();
    expect((await reconcileGroup(2, options, deps)).status).toBe('in-step');
    expect(published).toHaveLength(0);
  });

  it('writes nothing in a dry run, but still reports the drift', async () => {
    const { published, deps } = setup();
    const report = await reconcileGroup(1, { ...options, dryRun: true }, deps);
    expect(report.drift?.driftedMembers).toBe(1);
    expect(published).toHaveLength(0);
  });

  it('without the check, queues one command per program of the primary and reads no secondary', async () => {
    const { published, deps } = setup();
    const before = capillary.calls.length;
    const report = await reconcileGroup(2, { ...options, check: false }, deps);
    expect(report.status).toBe('unchecked');
    expect(published.map((p) => parseGroupSyncCommand(p.value).programId)).toEqual([973, 2834]);
    expect(capillary.calls.slice(before)).toEqual(['getGroup 2', 'getCustomerLoyalty 20']);
  });

  it('skips inactive groups and groups without an active primary, and reports failures per group', async () => {
    const { deps } = setup();
    expect(await reconcileGroup(3, options, deps)).toMatchObject({
      status: 'skipped',
      reason: 'group status is INACTIVE',
    });
    const noPrimary = await reconcileGroup(4, options, deps);
    expect(noPrimary.status).toBe('skipped');
    expect(noPrimary.reason).toContain('no active primary');
    expect(await reconcileGroup(99, options, deps)).toMatchObject({
      status: 'failed',
      reason: '1619: invalid group 99',
    });
  });
});
