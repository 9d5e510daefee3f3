import {
  DEMO_PROGRAM_ID,
  DEMO_SECOND_PROGRAM_ID,
  startCapillarySim,
  type CapillarySim,
} from '@tiersync/capillary-sim';
import { ensureTopics } from '@tiersync/kafka';
import { testBrokers, testKafka, uniqueName } from '@tiersync/kafka/testing';
import { topicNames } from '@tiersync/tier-events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonOf, readCommands, runOps } from '../../test/ops-test-env';
import { inStepSeed } from '../../test/reconcile-seed';
import { ExitCode } from '../cli/exit-code';
import { type ReconcileReport } from '../reconcile/reconcile.report';

describe('ops reconcile (real broker, simulator)', () => {
  const kafka = testKafka('ops-cli-test');
  let sim: CapillarySim;
  let env: Record<string, string>;
  let topics: ReturnType<typeof topicNames>;

  const reconcile = async (...args: string[]) => {
    const run = await runOps(['--json', '--quiet', 'reconcile', ...args], env);
    return { run, report: run.code === ExitCode.usage ? undefined : (jsonOf(run) as ReconcileReport) };
  };
  const commands = () => readCommands(kafka, topics.groupCommands);
  const adjustments = () => sim.control.calls({ endpoint: 'manualSlabAdjustment' });

  beforeAll(async () => {
    sim = await startCapillarySim({ seed: inStepSeed(6), auth: { username: 'till', password: 'secret' } });
  });

  beforeEach(async () => {
    sim.control.reset();
    const prefix = `${uniqueName('reconcile')}.`;
    topics = topicNames(prefix);
    await ensureTopics(kafka, [{ topic: topics.groupCommands, partitions: 3 }]);
    env = {
      KAFKA_BROKERS: testBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      CAPILLARY_BASE_URL: sim.url,
      CAPILLARY_USERNAME: 'till',
      CAPILLARY_PASSWORD: 'secret',
      // The simulator keeps no quota.
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
    };
    // Drift, as an outage would leave it: group 2 has a member left below the primary, group 4 a member
    // above it (a missed downgrade), group 5 is off in the second program only.
    sim.control.activity({ customerId: 201, programId: DEMO_PROGRAM_ID, tier: 1 });
    sim.control.activity({ customerId: 403, programId: DEMO_PROGRAM_ID, tier: 3 });
    sim.control.activity({ customerId: 500, programId: DEMO_SECOND_PROGRAM_ID, tier: 2 });
    sim.control.clearCalls();
  });

  afterAll(() => sim.stop());

  it('--dry-run reports the injected drift and writes nothing', async () => {
    const { run, report } = await reconcile('--groups', '1,2,3,4,5,6', '--dry-run');
    expect(run.code).toBe(ExitCode.ok);
    expect(report?.totals).toMatchObject({
      groups: 6,
      inStep: 3,
      drifted: 3,
      driftedMembers: 5,
      commands: 0,
      failed: 0,
    });
    const drifted = (id: number) =>
      report?.groups.find((g) => g.groupId === id)?.drift?.programs.filter((p) => p.drifted.length > 0);
    expect(drifted(2)).toEqual([
      {
        programId: DEMO_PROGRAM_ID,
        primaryTier: { number: 2, name: 'Gold' },
        inStep: 2,
        drifted: [{ customerId: 201, tier: { number: 1, name: 'Silver' }, direction: 'below' }],
      },
    ]);
    expect(drifted(4)?.[0]?.drifted).toEqual([
      { customerId: 403, tier: { number: 3, name: 'Platinum' }, direction: 'above' },
    ]);
    expect(drifted(5)).toEqual([
      expect.objectContaining({
        programId: DEMO_SECOND_PROGRAM_ID,
        primaryTier: { number: 2, name: 'Emerald' },
      }),
    ]);
    expect(drifted(5)?.[0]?.drifted.map((m) => m.customerId)).toEqual([501, 502, 503]);
    expect(await commands()).toEqual([]);
    expect(adjustments()).toEqual([]);
    expect(sim.control.calls().every((c) => c.method === 'GET')).toBe(true);
  });

  it('leaves members above the primary alone under --policy upgrade-only', async () => {
    const { report } = await reconcile('--groups', '4', '--dry-run', '--policy', 'upgrade-only');
    expect(report?.totals).toMatchObject({ inStep: 1, drifted: 0 });
  });

  it('writes one RECONCILE command per drifted group and program, and none for groups in step', async () => {
    const { run, report } = await reconcile('--groups', '1,2,3,4,5,6');
    expect(run.code).toBe(ExitCode.ok);
    expect(report?.totals.commands).toBe(3);
    const written = await commands();
    expect(written.map((c) => [c.groupId, c.programId]).sort()).toEqual([
      [2, DEMO_PROGRAM_ID],
      [4, DEMO_PROGRAM_ID],
      [5, DEMO_SECOND_PROGRAM_ID],
    ]);
    expect(
      written.every((c) => c.kind === 'RECONCILE' && c.trigger.action === 'RECONCILE' && c.attempt === 0),
    ).toBe(true);
    expect(written.find((c) => c.groupId === 2)).toMatchObject({
      primaryCustomerId: 200,
      trigger: { action: 'RECONCILE' },
      provenance: { source: 'reconcile' },
    });
    expect(adjustments()).toEqual([]);
  });

  it('selects every group through the paged group search with --all, and groups from a file', async () => {
    const all = await reconcile('--all', '--search', 'family', '--dry-run');
    expect(all.report?.groups.map((g) => g.groupId)).toEqual([1, 2, 3, 4, 5, 6]);
    // The simulator, like the documented search, matches nothing for an empty query: say so.
    const empty = await reconcile('--all', '--dry-run');
    expect(empty.report?.totals.groups).toBe(0);
    expect(empty.run.stderr).toContain('--all may need a --search query');

    const dir = mkdtempSync(join(tmpdir(), 'ops-cli-'));
    writeFileSync(join(dir, 'groups.txt'), '# after the outage\n2\n3\n');
    const fromFile = await reconcile('--groups-file', join(dir, 'groups.txt'));
    expect(fromFile.report?.totals).toMatchObject({ groups: 2, drifted: 1, commands: 1 });
  });

  it('--skip-check queues every selected group without reading its secondaries', async () => {
    const { report } = await reconcile(
      '--groups',
      '1,3',
      '--skip-check',
      '--program',
      String(DEMO_PROGRAM_ID),
    );
    expect(report?.totals).toMatchObject({ unchecked: 2, commands: 2 });
    expect((await commands()).map((c) => c.groupId).sort()).toEqual([1, 3]);
    const customerReads = sim.control.calls().filter((c) => c.path.startsWith('/v2/customers/'));
    expect(customerReads.map((c) => c.path).sort()).toEqual(['/v2/customers/100', '/v2/customers/300']);
  });

  it('reports an unknown group as failed and exits 1, after reconciling the others', async () => {
    const { run, report } = await reconcile('--groups', '2,424242');
    expect(run.code).toBe(ExitCode.failure);
    expect(report?.totals).toMatchObject({ drifted: 1, failed: 1, commands: 1 });
    expect(report?.groups.find((g) => g.groupId === 424242)?.reason).toBeTruthy();
  });
});
