import { type CustomerRole } from '@tiersync/tier-events';
import { type Clock } from '../clock';

export const NO_GROUP_TTL_MS = 60_000;

/** The customer-roles table in memory: the latest record per customer, trusted until it expires. */
export class RolesView {
  // Insertion order is arrival order, so expired entries are swept from the front.
  private readonly roles = new Map<number, CustomerRole>();
  private readonly byGroup = new Map<number, Set<number>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: Clock,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.roles.size;
  }

  apply(customerId: number, role: CustomerRole | null): void {
    this.drop(customerId);
    if (role !== null && this.isFresh(role)) {
      this.roles.set(customerId, role);
      if (role.groupId !== undefined) {
        const members = this.byGroup.get(role.groupId) ?? new Set<number>();
        members.add(customerId);
        this.byGroup.set(role.groupId, members);
      }
    }
    this.sweep();
  }

  fresh(customerId: number): CustomerRole | undefined {
    const role = this.roles.get(customerId);
    if (role && !this.isFresh(role)) {
      this.drop(customerId);
      return undefined;
    }
    return role;
  }

  /** Differs-only, so a group read of an unchanged group writes nothing; an entry past half its lifetime is
   * written again, so a group that keeps syncing never expires. */
  needsWrite(role: CustomerRole): boolean {
    if (!this.enabled) {
      return false;
    }
    const current = this.fresh(role.customerId);
    return (
      current === undefined ||
      current.role !== role.role ||
      current.groupId !== role.groupId ||
      current.primaryCustomerId !== role.primaryCustomerId ||
      this.now() - current.observedAt > this.lifetimeOf(current) / 2
    );
  }

  membersOf(groupId: number): number[] {
    return [...(this.byGroup.get(groupId) ?? [])];
  }

  /** "Leads no group" is an inference from an error code (docs/architecture.md, API fact 11): trusted at
   * most NO_GROUP_TTL_MS, so a wrong one cannot silence a customer for the whole TTL. */
  private lifetimeOf(role: CustomerRole): number {
    return role.role === 'NONE' ? Math.min(NO_GROUP_TTL_MS, this.ttlMs) : this.ttlMs;
  }

  private isFresh(role: CustomerRole): boolean {
    return this.now() - role.observedAt < this.lifetimeOf(role);
  }

  private drop(customerId: number): void {
    const role = this.roles.get(customerId);
    if (role?.groupId !== undefined) {
      this.byGroup.get(role.groupId)?.delete(customerId);
      if (this.byGroup.get(role.groupId)?.size === 0) {
        this.byGroup.delete(role.groupId);
      }
    }
    this.roles.delete(customerId);
  }

  private sweep(): void {
    for (const [customerId, role] of this.roles) {
      if (this.isFresh(role)) {
        return;
      }
      this.drop(customerId);
    }
  }
}
