import { Injectable } from '@nestjs/common';
import { type KeyedConsumerMetrics, type PartitionLag } from '@tiersync/kafka';
import { type SyncResult } from '@tiersync/tier-events';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { CapillaryMetrics } from './capillary.metrics';
import { RolesMetrics } from './roles.metrics';

export type RouteDecision = 'command' | 'ignored' | 'duplicate' | 'invalid';

/** A closed set, so the label stays bounded; the full reason is in the log or the IGNORED result. */
export type IgnoreReason =
  | 'unhandled_event'
  | 'not_a_user'
  | 'no_partner_program'
  | 'leads_no_group'
  | 'secondary_echo'
  | 'lookup_failed'
  | 'member_left'
  | 'no_active_primary'
  | 'joiner_is_primary'
  | 'primary_in_no_program';

export type EarlierDecision = 'recovered' | 'already_applied';
export type RunRecordKind = 'intent' | 'dead_letter' | 'retry' | 'result';

export type LeaderResolution = 'group' | 'known_primary' | 'no_group' | 'secondary_echo' | 'lookup_failed';

/** Capillary answers that contradict each other (docs/operations.md, "Capillary contradictions"). */
export type ContradictionCheck = 'members_inactive' | 'primary_lookup' | 'partner_answer';

@Injectable()
export class SyncMetrics {
  readonly registry = new Registry();
  readonly capillary = new CapillaryMetrics(this.registry);
  readonly roles = new RolesMetrics(this.registry);
  private consumer: () => KeyedConsumerMetrics | undefined = () => undefined;
  private groupLag: () => readonly PartitionLag[] = () => [];

  private readonly commands = this.counter(
    'tiersync_sync_commands_total',
    'Group commands by kind and outcome',
    ['kind', 'outcome'],
  );
  private readonly members = this.counter(
    'tiersync_sync_member_adjustments_total',
    'Members by planned action and outcome',
    ['action', 'outcome'],
  );
  private readonly retries = this.counter(
    'tiersync_sync_retries_total',
    'Retries: in-process member attempts, retry-topic commands',
    ['stage'],
  );
  private readonly deadLetters = this.counter(
    'tiersync_sync_dead_letters_total',
    'Records written to the DLQ',
    ['scope'],
  );
  private readonly routed = this.counter(
    'tiersync_router_events_total',
    'Webhook events by router decision',
    ['decision'],
  );
  private readonly ignored = this.counter(
    'tiersync_router_ignored_total',
    'Webhook events the router ignored, by reason',
    ['reason'],
  );
  private readonly resolutions = this.counter(
    'tiersync_router_customer_events_total',
    'Tier and partner events by how their customer resolved to a group (docs/operations.md has the alert rule)',
    ['resolution'],
  );
  private readonly contradictions = this.counter(
    'tiersync_capillary_contradictions_total',
    'Capillary answers contradicting each other, by check; every one is also logged as an error',
    ['check'],
  );
  private readonly partnerUnlinked = this.counter(
    'tiersync_sync_partner_unlinked_total',
    'Secondaries skipped by a partner sync because Capillary answered 2004 (not linked to the partner program)',
    [],
  );
  private readonly noGroupStreak = new Gauge({
    name: 'tiersync_router_no_group_streak',
    help: 'Tier and partner events resolved to no group in a row, since the last one that resolved to a group',
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tiersync_event_to_synced_seconds',
    help: 'From the webhook accepted by the ingress (receivedAt) to the sync result published',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'tiersync_sync_command_duration_seconds',
    help: 'Time to run one group command',
    labelNames: ['kind'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const consumer = () => this.consumer();
    const gauge = (name: string, help: string, read: (m: KeyedConsumerMetrics) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect(this: Gauge) {
          const metrics = consumer();
          if (metrics) {
            this.set(read(metrics));
          }
        },
      });
    gauge('tiersync_consumer_in_flight', 'Messages being handled', (m) => m.inFlight);
    gauge('tiersync_consumer_buffered', 'Messages held: running, queued or delayed', (m) => m.buffered);
    gauge(
      'tiersync_consumer_assigned_lag',
      'Over the partitions this instance holds: high watermark - committed offset, as its consumer last saw them',
      (m) => m.partitions.reduce((sum, p) => sum + (p.lag ?? 0), 0),
    );
    const groupLag = () => this.groupLag();
    new Gauge({
      name: 'tiersync_consumer_lag',
      help: "The consumer group's lag over every partition of its topics (high watermark - committed offset), from the broker",
      registers: [this.registry],
      collect(this: Gauge) {
        this.set(groupLag().reduce((sum, p) => sum + p.lag, 0));
      },
    });
    new Gauge({
      name: 'tiersync_consumer_partition_lag',
      help: "The consumer group's lag per partition, from the broker, whichever instance holds the partition",
      labelNames: ['topic', 'partition'],
      registers: [this.registry],
      collect(this: Gauge) {
        this.reset();
        for (const p of groupLag()) {
          this.set({ topic: p.topic, partition: String(p.partition) }, p.lag);
        }
      },
    });
  }

  observeGroupLag(source: () => readonly PartitionLag[]): void {
    this.groupLag = source;
  }

  observeConsumer(source: () => KeyedConsumerMetrics | undefined): void {
    this.consumer = source;
  }

  recordRoute(decision: RouteDecision): void {
    this.routed.inc({ decision });
  }

  recordIgnored(reason: IgnoreReason): void {
    this.ignored.inc({ reason });
  }

  recordResolution(resolution: LeaderResolution): void {
    this.resolutions.inc({ resolution });
  }

  setNoGroupStreak(events: number): void {
    this.noGroupStreak.set(events);
  }

  recordContradiction(check: ContradictionCheck): void {
    this.contradictions.inc({ check });
  }

  recordPartnerUnlinked(members: number): void {
    this.partnerUnlinked.inc(members);
  }

  recordCommand(
    result: SyncResult,
    retried: boolean,
    deadLetters: number,
    receivedAt: number | undefined,
  ): void {
    this.commands.inc({ kind: result.kind, outcome: result.outcome });
    for (const member of result.members) {
      this.members.inc({ action: member.action, outcome: member.outcome });
      if (member.attempts > 1) {
        this.retries.inc({ stage: 'in_process' }, member.attempts - 1);
      }
    }
    if (retried) {
      this.retries.inc({ stage: 'retry_topic' });
    }
    if (deadLetters > 0) {
      this.deadLetters.inc({ scope: 'sync' }, deadLetters);
    }
    this.duration.observe({ kind: result.kind }, result.durationMs / 1000);
    const since = receivedAt ?? result.trigger.occurredAt;
    this.latency.observe({ outcome: result.outcome }, Math.max(0, result.finishedAt - since) / 1000);
  }

  recordConsumerDeadLetter(): void {
    this.deadLetters.inc({ scope: 'consumer' });
  }

  private readonly unreadable = this.counter(
    'tiersync_consumer_unreadable_records_total',
    'Records tier-sync could not read, kept on the DLQ, by the topic they were read from',
    ['topic'],
  );

  recordUnreadable(topic: string): void {
    this.deadLetters.inc({ scope: 'unreadable' });
    this.unreadable.inc({ topic });
  }

  private readonly journalIntents = this.counter(
    'tiersync_sync_journal_intents_total',
    'Intents written to the sync journal before Capillary writes',
    [],
  );
  private readonly journalUnreadable = this.counter(
    'tiersync_sync_journal_unreadable_total',
    'Sync journal or sync-results records the journal follower could not read, by topic',
    ['topic'],
  );
  private readonly earlier = this.counter(
    'tiersync_sync_earlier_adjustments_total',
    'Members a re-run found already adjusted by an earlier run: recovered (no record yet, now ADJUSTED) or already_applied',
    ['decision'],
  );
  private readonly publishRetries = this.counter(
    'tiersync_sync_publish_retries_total',
    "Failed publishes of a run's records retried in process, by record",
    ['record'],
  );

  recordJournalIntent(): void {
    this.journalIntents.inc();
  }

  recordJournalUnreadable(topic: string): void {
    this.journalUnreadable.inc({ topic });
  }

  recordEarlierAdjustment(decision: EarlierDecision): void {
    this.earlier.inc({ decision });
  }

  recordPublishRetry(record: RunRecordKind): void {
    this.publishRetries.inc({ record });
  }

  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}
