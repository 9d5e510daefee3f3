import { type SimCustomer, type SimGroup, type SimPartnerProgram } from './sim.types';
import { customerIdentifiers, envelope, type EnvelopeIds, type WebhookEvent } from './webhook-payloads';

function memberView(c: SimCustomer | undefined, customerId: number, role: string): Record<string, unknown> {
  return {
    firstName: c?.firstName ?? null,
    lastName: c?.lastName ?? null,
    role,
    customerIdentifiers: c ? customerIdentifiers(c) : { customerId },
  };
}

/** Shaped as documented (docs/architecture.md, API fact 7). */
export function groupMemberEvent(
  kind: 'added' | 'removed',
  group: SimGroup,
  primary: SimCustomer | undefined,
  member: SimCustomer | undefined,
  memberId: number,
  ids: EnvelopeIds,
): WebhookEvent {
  const primaryId = group.members.find((m) => m.primary)?.customerId ?? 0;
  const data = {
    groupId: group.groupId,
    groupName: group.groupName,
    primaryMember: memberView(primary, primaryId, 'PRIMARY'),
    [kind === 'added' ? 'memberAdded' : 'memberRemoved']: memberView(member, memberId, 'SECONDARY'),
    enteredAt: new Date(ids.createdAt).toISOString(),
    enteredBy: {
      user: { username: 'sim.till' },
      id: 1,
      till: { code: 'sim.till' },
      store: { code: 'sim.store' },
    },
  };
  const name = kind === 'added' ? 'groupMemberAdded' : 'groupMemberRemoved';
  return envelope(name, ids, group.groupId, data);
}

/** The tier as a NUMBER only, as documented (docs/architecture.md, API facts 23 and 25). */
export function partnerEvent(
  customer: SimCustomer,
  program: SimPartnerProgram,
  update: {
    updateType: string;
    tierNumber: number;
    expiryDate?: string;
    membershipNumber: string;
  },
  ids: EnvelopeIds,
): WebhookEvent {
  return envelope('partnerProgramUpdated', ids, customer.customerId, {
    customerIdentifiers: customerIdentifiers(customer),
    partnerProgramId: program.partnerProgramId,
    partnerProgramName: program.name,
    partnerProgramType: program.type,
    updateType: update.updateType,
    customerPartnerProgramDetails: {
      partnerTierNumber: update.tierNumber,
      partnerTierExpiryDate: update.expiryDate ?? null,
      membershipNumber: update.membershipNumber,
    },
  });
}
