import { type CustomerRoleKind } from '@tiersync/tier-events';
import { Counter, Gauge, type Registry } from 'prom-client';

/** How the router's question "what is this customer?" was answered before any Capillary call. */
export type RolesTableResult = 'hit' | 'hit_after_catch_up' | 'miss' | 'not_caught_up';

export class RolesMetrics {
  private size: () => number = () => 0;
  private readonly lookups: Counter<'result'>;
  private readonly writes: Counter<'role'>;
  private readonly unreadable: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.lookups = new Counter({
      name: 'tiersync_router_roles_table_total',
      help: 'Tier and partner events by what the customer-roles table answered: a miss costs a Capillary lookup',
      labelNames: ['result'],
      registers,
    });
    this.writes = new Counter({
      name: 'tiersync_roles_table_writes_total',
      help: 'Records this instance wrote to the customer-roles topic, by role (tombstone: forgotten)',
      labelNames: ['role'],
      registers,
    });
    this.unreadable = new Counter({
      name: 'tiersync_roles_table_unreadable_total',
      help: 'Customer-roles records skipped because they could not be read (each also logged as an error)',
      registers,
    });
    const size = () => this.size();
    new Gauge({
      name: 'tiersync_roles_table_entries',
      help: "Customers with an unexpired entry in this instance's view of the customer-roles table",
      registers,
      collect(this: Gauge) {
        this.set(size());
      },
    });
  }

  observeSize(source: () => number): void {
    this.size = source;
  }

  recordLookup(result: RolesTableResult): void {
    this.lookups.inc({ result });
  }

  recordWrite(role: CustomerRoleKind | 'tombstone'): void {
    this.writes.inc({ role });
  }

  recordUnreadable(): void {
    this.unreadable.inc();
  }
}
