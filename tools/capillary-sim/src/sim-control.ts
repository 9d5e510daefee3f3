import { randomUUID } from 'node:crypto';
import { type SimCall } from './call-log';
import { SeededRandom } from './seeded-random';
import { type SimCore } from './sim-core';
import { addMonths, isoDay } from './sim-dates';
import { type SimBehaviour, type SimEndpoint, type SimFaults } from './sim-faults';
import { SimState } from './sim-state';
import { type SimSeed, type SimTierState } from './sim.types';
import { actionFor, moveCustomerTier } from './tier-change';
import { type WebhookEvent } from './webhook-payloads';
import { type WebhookDelivery, type WebhookTarget } from './webhook.types';

export class SimControlError extends Error {}

export interface ActivityInput {
  customerId: number;
  programId: number;
  tier: number | string;
  /** Default: today + the program's tier validity. */
  expiryDate?: string;
}

export class SimControl {
  constructor(private readonly core: SimCore) {}

  reset(seed?: SimSeed): void {
    if (seed) {
      this.core.initialSeed = structuredClone(seed);
    }
    this.core.state = new SimState(this.core.initialSeed);
    this.core.behaviour = { ...this.core.initialBehaviour };
    this.core.faults.set({});
    this.core.dispatcher.setFaults({});
    this.core.calls.clear();
    this.core.events.clear();
    this.core.dispatcher.clear();
  }

  state(): SimSeed {
    return this.core.state.snapshot();
  }

  tierOf(customerId: number, programId: number): SimTierState {
    const { customer, program } = this.customerAndProgram(customerId, programId);
    return { ...this.core.state.tierState(customer.tiers, program) };
  }

  activity(input: ActivityInput): { previous: SimTierState; current: SimTierState } {
    const { customer, program } = this.customerAndProgram(input.customerId, input.programId);
    const tier =
      typeof input.tier === 'number'
        ? this.core.state.tierByNumber(program, input.tier)
        : this.core.state.tierByName(program, input.tier);
    if (!tier) {
      throw new SimControlError(`program ${program.programId} has no LIVE tier ${String(input.tier)}`);
    }
    const from = this.core.state.tierState(customer.tiers, program).tierNumber;
    const expiryDate = input.expiryDate ?? addMonths(isoDay(Date.now()), program.tierValidityMonths);
    const action = actionFor(from, tier.serialNumber);
    const move = { tierNumber: tier.serialNumber, expiryDate };
    return moveCustomerTier(this.core.context(), customer, program, move, action, 'ACTIVITY', randomUUID());
  }

  /** Tiers do not change on joining. */
  addMember(groupId: number, customerId: number): void {
    const group = this.group(groupId);
    if (!this.core.state.customer(customerId)) {
      throw new SimControlError(`customer ${customerId} not found`);
    }
    const existing = group.members.find((m) => m.customerId === customerId);
    if (existing?.active) {
      throw new SimControlError(`customer ${customerId} is already an active member of group ${groupId}`);
    }
    if (group.members.filter((m) => m.active).length >= group.maxGroupSize) {
      throw new SimControlError(`group ${groupId} is full`);
    }
    const joinedOn = new Date().toISOString().slice(0, 19).replace('T', ' ');
    if (existing) {
      Object.assign(existing, { active: true, defaultGroup: true, joinedOn });
    } else {
      group.members.push({ customerId, primary: false, active: true, defaultGroup: true, joinedOn });
    }
    this.core.events.memberChanged('added', group, customerId, randomUUID());
  }

  /** Vendor FAQ: a leaving secondary drops to the base tier, a leaving primary makes the group INACTIVE. */
  removeMember(groupId: number, customerId: number): void {
    const group = this.group(groupId);
    const member = group.members.find((m) => m.customerId === customerId && m.active);
    const customer = this.core.state.customer(customerId);
    if (!member || !customer) {
      throw new SimControlError(`customer ${customerId} is not an active member of group ${groupId}`);
    }
    Object.assign(member, { active: false, defaultGroup: false });
    this.core.events.memberChanged('removed', group, customerId, randomUUID());
    if (member.primary) {
      group.groupStatus = 'INACTIVE';
      return;
    }
    for (const program of this.core.state.programs) {
      const base = this.core.state.liveTiers(program)[0]?.serialNumber ?? 1;
      if (this.core.state.tierState(customer.tiers, program).tierNumber > base) {
        moveCustomerTier(
          this.core.context(),
          customer,
          program,
          { tierNumber: base },
          'DOWNGRADE',
          'ACTIVITY',
          randomUUID(),
        );
      }
    }
  }

  /** e.g. FRAUD_CONFIRMED: manual adjustments then fail with 3045. */
  setCustomerStatus(customerId: number, status: string): void {
    this.customerAndProgram(customerId).customer.status = status;
  }

  calls(filter: { endpoint?: SimEndpoint } = {}): SimCall[] {
    return this.core.calls.list(filter);
  }

  clearCalls(): void {
    this.core.calls.clear();
  }

  setFaults(faults: SimFaults): void {
    if (faults.rngSeed !== undefined) {
      this.core.random = new SeededRandom(faults.rngSeed);
    }
    this.core.faults.set(faults);
    this.core.dispatcher.setFaults(faults.webhook ?? {});
  }

  faults(): SimFaults {
    return this.core.faults.current;
  }

  setBehaviour(behaviour: Partial<SimBehaviour>): void {
    this.core.behaviour = { ...this.core.behaviour, ...behaviour };
  }

  expireTokens(): void {
    this.core.tokens.expireAll();
  }

  tokensIssued(): number {
    return this.core.tokens.issued;
  }

  setWebhook(target: WebhookTarget | undefined): void {
    this.core.dispatcher.configure(target);
  }

  emittedEvents(): WebhookEvent[] {
    return this.core.events.emitted();
  }

  webhookDeliveries(): WebhookDelivery[] {
    return this.core.dispatcher.deliveries();
  }

  webhooksIdle(): Promise<void> {
    return this.core.dispatcher.idle();
  }

  private group(groupId: number) {
    const group = this.core.state.group(groupId);
    if (!group) {
      throw new SimControlError(`group ${groupId} not found`);
    }
    return group;
  }

  private customerAndProgram(customerId: number, programId?: number) {
    const customer = this.core.state.customer(customerId);
    if (!customer) {
      throw new SimControlError(`customer ${customerId} not found`);
    }
    const program = this.core.state.program(programId ?? this.core.state.programs[0]?.programId ?? 0);
    if (!program) {
      throw new SimControlError(`program ${String(programId)} not found`);
    }
    return { customer, program };
  }
}
