import { DEMO_PROGRAM_ID, FAMILY1, FAMILY2 } from '@tiersync/capillary-sim';
import { createKafka } from '@tiersync/kafka';
import { E2eSystem } from './support/e2e-system';
import { rawRecord, type RawRecord, TopicTail } from './support/topic-tail';
import { waitFor } from './support/wait-for';

/** Give a failing webhook event up after two consumer attempts, and route it again 300 ms later. */
const GIVE_UP_FAST = { SYNC_CONSUMER_MAX_ATTEMPTS: '2', SYNC_REQUEUE_DELAY_MS: '300' };

describe('no webhook event is lost in tier-sync, end to end', () => {
  let system: E2eSystem;
  let events: TopicTail<RawRecord>;
  let rejected: TopicTail<RawRecord>;
  let deadLetters: TopicTail<RawRecord>;

  beforeAll(async () => {
    system = await E2eSystem.start({ name: 'event-safety', syncEnv: GIVE_UP_FAST });
    const rawTail = (topic: string) =>
      new TopicTail(system.connection, topic, (r) => r as RawRecord, rawRecord).start();
    [events, rejected, deadLetters] = await Promise.all([
      rawTail(system.topics.webhookEvents),
      rawTail(system.topics.webhookRejected),
      rawTail(system.topics.deadLetters),
    ]);
  });
  afterAll(async () => {
    await Promise.all([events.stop(), rejected.stop(), deadLetters.stop()]);
    await system.stop();
  });

  it('requeues a tier event while Capillary is down, then syncs the group once it is back', async () => {
    system.resetSim();
    system.sim.control.setFaults({ endpoints: { '*': { rate503: 1 } } });
    system.sim.control.activity({ customerId: FAMILY1.primary, programId: DEMO_PROGRAM_ID, tier: 3 });

    const [copy] = await events.waitForCount(
      'a requeued copy',
      (r) => r.headers['requeuedFrom'] !== undefined,
      1,
    );
    expect(copy?.headers['eventName']).toBe('tierUpgraded');
    expect(copy?.headers['requeueCount']).toMatch(/^\d+$/);
    const original = events.records.find(
      (r) => r.headers['eventId'] === copy?.headers['eventId'] && r.headers['requeuedFrom'] === undefined,
    );
    // The copy is the event, byte for byte, under the same key.
    expect(copy?.value).toBe(original?.value);
    expect(copy?.key).toBe(original?.key);
    expect(system.tierOf(FAMILY1.sam)).toBe(1);

    system.sim.control.setFaults({});
    await waitFor(
      'Sam on Platinum after the outage',
      () => (system.tierOf(FAMILY1.sam) === 3 ? true : undefined),
      {
        timeoutMs: 60_000,
        describe: () => system.tierOf(FAMILY1.sam),
      },
    );
    // Routed once it could be: one command for the group, not one per copy.
    await system.quiesce();
    const synced = system.results.records.filter(
      (r) => r.groupId === FAMILY1.groupId && r.kind === 'TIER_SYNC',
    );
    expect(synced.filter((r) => r.outcome !== 'IGNORED')).toHaveLength(1);
  });

  it('a fresh consumer group starts at the oldest record, so events accepted before tier-sync ran are synced', async () => {
    await system.quiesce();
    await system.sync.stop();
    system.resetSim();
    system.sim.control.activity({ customerId: FAMILY2.primary, programId: DEMO_PROGRAM_ID, tier: 2 });
    await events.waitForCount(
      'the upgrade accepted while tier-sync was down',
      (r) => r.headers['eventName'] === 'tierUpgraded' && r.key === String(FAMILY2.primary),
      1,
    );
    // A group with no committed offsets, as on the first start of a deployment.
    await system.startSync({ ...GIVE_UP_FAST, KAFKA_CONSUMER_GROUP: `${system.prefix}fresh-group` });
    await waitFor('Cid on Gold', () => (system.tierOf(FAMILY2.cid) === 2 ? true : undefined), {
      timeoutMs: 60_000,
      describe: () => system.tierOf(FAMILY2.cid),
    });
  });

  it('dead-letters a webhook event it cannot read, byte for byte, ends it as a FAILED result of the group its customer leads, and counts it by topic', async () => {
    const unreadableBefore = await system.syncMetric('tiersync_consumer_unreadable_records_total', {
      topic: system.topics.webhookEvents,
    });
    const aboutFamily1 = '{"eventName":"tierUpgraded","eventId":"ev-unreadable-1","data":"not an object"}';
    const aboutNoGroup = 'not json at all {';
    const producer = createKafka({ ...system.connection, clientId: 'e2e-unreadable' }).producer();
    await producer.connect();
    await producer.send({
      topic: system.topics.webhookEvents,
      messages: [
        { key: String(FAMILY1.primary), value: aboutFamily1, headers: { traceId: 'trace-unreadable-1' } },
        { key: 'no-customer', value: aboutNoGroup, headers: { traceId: 'trace-unreadable-3' } },
      ],
    });
    await producer.disconnect();

    const sourcePattern = new RegExp(`^${system.topics.webhookEvents.replaceAll('.', '\\.')}:\\d+:\\d+$`);
    const [kept] = await deadLetters.waitForCount(
      'the unreadable event',
      (r) => r.headers['traceId'] === 'trace-unreadable-1',
      1,
    );
    expect(kept).toMatchObject({ key: String(FAMILY1.primary), value: aboutFamily1 });
    expect(kept?.headers['source']).toMatch(sourcePattern);
    expect(kept?.headers['reason']).toContain('tier-sync could not read the event');
    expect(JSON.parse(kept?.headers['violations'] ?? '[]')).not.toHaveLength(0);
    const [result] = await system.results.waitForCount(
      'its result',
      (r) => r.reason?.endsWith(`(${kept?.headers['source']})`) === true,
      1,
    );
    expect(result).toMatchObject({
      kind: 'TIER_SYNC',
      groupId: FAMILY1.groupId,
      primaryCustomerId: FAMILY1.primary,
      trigger: { eventId: 'ev-unreadable-1', eventName: 'tierUpgraded', action: 'UPGRADE' },
      outcome: 'FAILED',
      members: [],
    });

    const [garbage] = await deadLetters.waitForCount(
      'the event that is not JSON',
      (r) => r.headers['traceId'] === 'trace-unreadable-3',
      1,
    );
    expect(garbage).toMatchObject({ key: 'no-customer', value: aboutNoGroup });
    expect(garbage?.headers['source']).toMatch(sourcePattern);
    await waitFor('both unreadable events counted under their topic', async () =>
      (await system.syncMetric('tiersync_consumer_unreadable_records_total', {
        topic: system.topics.webhookEvents,
      })) ===
      unreadableBefore + 2
        ? true
        : undefined,
    );
    // Naming no customer, it is about no group a sync result could name.
    await system.quiesce();
    expect(
      system.results.records.filter((r) => r.reason?.includes(garbage?.headers['source'] ?? '?')),
    ).toEqual([]);
    expect(rejected.records.filter((r) => r.headers['traceId']?.startsWith('trace-unreadable'))).toEqual([]);
  });

  it('dead-letters a group command it cannot read, byte for byte, and ends it as a FAILED sync result', async () => {
    const commandId = '7b0f3c5e-2f41-4b8e-9c7d-1e2a3b4c5d6e';
    const value = JSON.stringify({
      schemaVersion: 1,
      commandId,
      kind: 'TIER_SYNC',
      groupId: FAMILY2.groupId,
      primaryCustomerId: FAMILY2.primary,
      programId: DEMO_PROGRAM_ID,
      trigger: { action: 'UPGRADE', occurredAt: Date.now() },
      attempt: 'not a number',
      createdAt: Date.now(),
    });
    const unreadableBefore = await system.syncMetric('tiersync_consumer_unreadable_records_total', {
      topic: system.topics.groupCommands,
    });
    const producer = createKafka({ ...system.connection, clientId: 'e2e-unreadable-command' }).producer();
    await producer.connect();
    await producer.send({
      topic: system.topics.groupCommands,
      messages: [{ key: String(FAMILY2.groupId), value, headers: { traceId: 'trace-unreadable-2' } }],
    });
    await producer.disconnect();

    const [kept] = await deadLetters.waitForCount(
      'the unreadable command',
      (r) => r.headers['traceId'] === 'trace-unreadable-2',
      1,
    );
    expect(kept).toMatchObject({ key: String(FAMILY2.groupId), value });
    expect(kept?.headers['source']).toMatch(
      new RegExp(`^${system.topics.groupCommands.replaceAll('.', '\\.')}:\\d+:\\d+$`),
    );
    expect(kept?.headers['reason']).toContain('tier-sync could not read the command');
    expect(JSON.parse(kept?.headers['violations'] ?? '[]')).not.toHaveLength(0);
    const [result] = await system.results.waitForCount('its result', (r) => r.commandId === commandId, 1);
    expect(result).toMatchObject({
      groupId: FAMILY2.groupId,
      primaryCustomerId: FAMILY2.primary,
      outcome: 'FAILED',
      members: [],
    });
    expect(result?.reason).toContain('tier-sync could not read the command');
    await waitFor('the unreadable command counted under its topic', async () =>
      (await system.syncMetric('tiersync_consumer_unreadable_records_total', {
        topic: system.topics.groupCommands,
      })) ===
      unreadableBefore + 1
        ? true
        : undefined,
    );
  });

  it('dead-letters a retry-topic record that is not even JSON, with a FAILED result for the group its key names', async () => {
    const retryTopic = system.topics.groupCommandsRetry;
    const before = await system.syncMetric('tiersync_consumer_unreadable_records_total', {
      topic: retryTopic,
    });
    const value = '\u0000 not a command';
    const producer = createKafka({ ...system.connection, clientId: 'e2e-unreadable-retry' }).producer();
    await producer.connect();
    await producer.send({
      topic: retryTopic,
      messages: [{ key: String(FAMILY2.groupId), value, headers: { traceId: 'trace-unreadable-4' } }],
    });
    await producer.disconnect();

    const [kept] = await deadLetters.waitForCount(
      'the unreadable retry',
      (r) => r.headers['traceId'] === 'trace-unreadable-4',
      1,
    );
    expect(kept).toMatchObject({ key: String(FAMILY2.groupId), value });
    expect(kept?.headers['source']).toMatch(new RegExp(`^${retryTopic.replaceAll('.', '\\.')}:\\d+:\\d+$`));
    const [result] = await system.results.waitForCount(
      'its result',
      (r) => r.reason?.endsWith(`(${kept?.headers['source']})`) === true,
      1,
    );
    expect(result).toMatchObject({ groupId: FAMILY2.groupId, outcome: 'FAILED', members: [] });
    expect(result?.primaryCustomerId).toBeUndefined();
    await waitFor('the unreadable retry counted under its topic', async () =>
      (await system.syncMetric('tiersync_consumer_unreadable_records_total', { topic: retryTopic })) ===
      before + 1
        ? true
        : undefined,
    );
  });
});
