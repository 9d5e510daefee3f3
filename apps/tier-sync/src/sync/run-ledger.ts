import { type MemberOutcome, type SyncJournalIntent, type SyncResult } from '@tiersync/tier-events';

/** Outcomes that settle a member without an adjustment; a failed write may still have landed. */
const UNTOUCHED: ReadonlySet<MemberOutcome> = new Set(['UNCHANGED', 'SKIPPED', 'PLANNED']);

export interface RunRecord {
  readonly intents: SyncJournalIntent[];
  /** Members whose adjustment by this run some sync-results record lists as ADJUSTED: its own or a re-run's. */
  readonly recorded: Set<number>;
  /** Members the run's own result says it did not adjust: it made no write, or Capillary refused it. */
  readonly untouched: Set<number>;
  /** Whether the run's own sync-results record has been read. */
  resulted: boolean;
  seenAt: number;
}

export interface LineageRun {
  readonly runId: string;
  readonly record: RunRecord;
}

/** What the sync journal and sync-results say about recent runs, by the command lineage they belong to. */
export class RunLedger {
  private readonly runs = new Map<string, RunRecord>();
  private readonly byLineage = new Map<string, Set<string>>();

  constructor(private readonly windowMs: number) {}

  get size(): number {
    return this.runs.size;
  }

  addIntent(intent: SyncJournalIntent, at: number): void {
    const run = this.run(intent.runId, at);
    intent.refused?.forEach((customerId) => run.untouched.add(customerId));
    if (intent.members.length === 0) {
      return;
    }
    run.intents.push(intent);
    const runs = this.byLineage.get(intent.lineageId) ?? new Set<string>();
    runs.add(intent.runId);
    this.byLineage.set(intent.lineageId, runs);
  }

  /** The two topics are read independently, so a result may arrive before the intent it settles. */
  addResult(result: SyncResult, at: number): void {
    if (result.runId === undefined) {
      return;
    }
    this.run(result.runId, at).resulted = true;
    for (const member of result.members) {
      if (member.appliedBy) {
        this.run(member.appliedBy.runId, at).recorded.add(member.customerId);
      } else if (member.outcome === 'ADJUSTED') {
        this.run(result.runId, at).recorded.add(member.customerId);
      } else if (UNTOUCHED.has(member.outcome)) {
        this.run(result.runId, at).untouched.add(member.customerId);
      }
    }
  }

  markUntouched(runId: string, customerId: number, at: number): void {
    this.run(runId, at).untouched.add(customerId);
  }

  /** The other runs of a lineage that journalled an intent. */
  runsOf(lineageId: string, except: string): LineageRun[] {
    const runs: LineageRun[] = [];
    for (const runId of this.byLineage.get(lineageId) ?? []) {
      const record = this.runs.get(runId);
      if (runId !== except && record && record.intents.length > 0) {
        runs.push({ runId, record });
      }
    }
    return runs;
  }

  prune(now: number): void {
    for (const [runId, run] of this.runs) {
      if (run.seenAt < now - this.windowMs) {
        this.runs.delete(runId);
        run.intents.forEach((intent) => this.byLineage.get(intent.lineageId)?.delete(runId));
      }
    }
    for (const [lineage, runs] of this.byLineage) {
      if (runs.size === 0) {
        this.byLineage.delete(lineage);
      }
    }
  }

  private run(runId: string, at: number): RunRecord {
    const existing = this.runs.get(runId);
    if (existing) {
      existing.seenAt = Math.max(existing.seenAt, at);
      return existing;
    }
    const created: RunRecord = {
      intents: [],
      recorded: new Set(),
      untouched: new Set(),
      resulted: false,
      seenAt: at,
    };
    this.runs.set(runId, created);
    return created;
  }
}
