import {
  type SimCustomer,
  type SimGroup,
  type SimPartnerProgram,
  type SimProgram,
  type SimSeed,
  type SimTierDef,
  type SimTierState,
} from './sim.types';

export class SimState {
  private data: SimSeed;

  constructor(seed: SimSeed) {
    this.data = structuredClone(seed);
  }

  get orgId(): number {
    return this.data.orgId;
  }

  snapshot(): SimSeed {
    return structuredClone(this.data);
  }

  get programs(): readonly SimProgram[] {
    return this.data.programs;
  }

  get partnerPrograms(): readonly SimPartnerProgram[] {
    return this.data.partnerPrograms;
  }

  get groups(): readonly SimGroup[] {
    return this.data.groups;
  }

  program(programId: number): SimProgram | undefined {
    return this.data.programs.find((p) => p.programId === programId);
  }

  /** Only these can be held or assigned. */
  liveTiers(program: SimProgram): SimTierDef[] {
    return program.tiers
      .filter((t) => (t.status ?? 'LIVE') === 'LIVE')
      .sort((a, b) => a.serialNumber - b.serialNumber);
  }

  tierByNumber(program: SimProgram, tierNumber: number): SimTierDef | undefined {
    return this.liveTiers(program).find((t) => t.serialNumber === tierNumber);
  }

  /** Capillary matches slab names without regard to case. */
  tierByName(program: SimProgram, name: string): SimTierDef | undefined {
    const wanted = name.trim().toLowerCase();
    return this.liveTiers(program).find((t) => t.name.toLowerCase() === wanted);
  }

  customer(customerId: number): SimCustomer | undefined {
    return this.data.customers.find((c) => c.customerId === customerId);
  }

  customerBy(identifierName: string, value: string): SimCustomer | undefined {
    switch (identifierName) {
      case 'id':
        return this.customer(Number(value));
      case 'mobile':
        return this.data.customers.find((c) => c.mobile === value);
      case 'email':
        return this.data.customers.find((c) => c.email === value);
      case 'externalId':
        return this.data.customers.find((c) => c.externalId === value);
      default:
        return undefined;
    }
  }

  group(groupId: number): SimGroup | undefined {
    return this.data.groups.find((g) => g.groupId === groupId);
  }

  groupByExternalId(externalId: string): SimGroup | undefined {
    return this.data.groups.find((g) => g.externalId === externalId);
  }

  groupLedBy(customerId: number): SimGroup | undefined {
    return this.data.groups.find((g) =>
      g.members.some((m) => m.customerId === customerId && m.primary && m.active),
    );
  }

  partnerProgram(name: string): SimPartnerProgram | undefined {
    return this.data.partnerPrograms.find((p) => p.name === name);
  }

  tierState(tiers: SimTierState[], program: SimProgram): SimTierState {
    let state = tiers.find((t) => t.programId === program.programId);
    if (!state) {
      state = { programId: program.programId, tierNumber: this.liveTiers(program)[0]?.serialNumber ?? 1 };
      tiers.push(state);
    }
    return state;
  }
}
