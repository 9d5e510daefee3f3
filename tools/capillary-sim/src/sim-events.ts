import { groupMemberEvent, partnerEvent } from './group-event.payloads';
import { type SeededRandom } from './seeded-random';
import { type SimState } from './sim-state';
import { type SimCustomer, type SimGroup, type SimPartnerProgram } from './sim.types';
import { type WebhookDispatcher } from './webhook-dispatcher';
import { type EnvelopeIds, type TierChange, tierEvent, type WebhookEvent } from './webhook-payloads';

export class SimEvents {
  private readonly log: WebhookEvent[] = [];

  constructor(
    private readonly state: () => SimState,
    private readonly random: () => SeededRandom,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  emitted(): WebhookEvent[] {
    return structuredClone(this.log);
  }

  clear(): void {
    this.log.length = 0;
  }

  tierChanged(change: TierChange): void {
    this.emit(tierEvent(change, this.ids(change.apiRequestId), this.dispatcher.tiersMode));
  }

  memberChanged(kind: 'added' | 'removed', group: SimGroup, memberId: number, apiRequestId: string): void {
    const state = this.state();
    const primaryId = group.members.find((m) => m.primary)?.customerId;
    const primary = primaryId === undefined ? undefined : state.customer(primaryId);
    this.emit(
      groupMemberEvent(kind, group, primary, state.customer(memberId), memberId, this.ids(apiRequestId)),
    );
  }

  partnerUpdated(
    customer: SimCustomer,
    program: SimPartnerProgram,
    update: Parameters<typeof partnerEvent>[2],
    apiRequestId: string,
  ): void {
    this.emit(partnerEvent(customer, program, update, this.ids(apiRequestId)));
  }

  private emit(event: WebhookEvent): void {
    this.log.push(event);
    this.dispatcher.dispatch(event);
  }

  private ids(apiRequestId: string): EnvelopeIds {
    const random = this.random();
    return {
      eventId: random.uuid(),
      orgId: this.state().orgId,
      apiRequestId,
      loyaltyEventId: random.uuid().replace(/-/g, '').slice(0, 10),
      createdAt: Date.now(),
    };
  }
}
