import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { SimApiError } from '../sim-error';

export function getCustomer(req: SimRequest, ctx: SimContext): SimReply {
  const id = req.params[0] ?? '';
  const customer = /^\d+$/.test(id) ? ctx.state.customer(Number(id)) : undefined;
  if (!customer) {
    throw new SimApiError(404, 8015, 'Customer not found for the given identifiers');
  }
  const identifiers = [
    { type: 'mobile', value: customer.mobile },
    { type: 'email', value: customer.email },
    { type: 'externalId', value: customer.externalId },
  ].filter((i) => i.value !== undefined);
  const body: Record<string, unknown> = {
    id: customer.customerId,
    profiles: [
      {
        firstName: customer.firstName,
        lastName: customer.lastName,
        fields: {},
        identifiers,
        source: 'INSTORE',
      },
    ],
    loyaltyInfo: { loyaltyType: 'loyalty' },
    status: { label: customer.status },
    warnings: [],
  };
  const embed = (req.query.get('embed') ?? '').split(',');
  if (embed.includes('mlp')) {
    body['loyaltyProgramDetails'] = loyaltyDetails(customer.customerId, ctx);
  }
  return { status: 200, body };
}

function loyaltyDetails(customerId: number, ctx: SimContext): Record<string, unknown>[] {
  const customer = ctx.state.customer(customerId);
  if (!customer) {
    return [];
  }
  return ctx.state.programs.map((program) => {
    const tier = ctx.state.tierState(customer.tiers, program);
    const live = ctx.state.liveTiers(program);
    const next = live.find((t) => t.serialNumber > tier.tierNumber);
    return {
      programId: program.programId,
      programName: program.name,
      programDescription: program.name,
      currentSlab: ctx.state.tierByNumber(program, tier.tierNumber)?.name ?? null,
      slabSNo: tier.tierNumber,
      slabExpiryDate: tier.expiryDate ? `${tier.expiryDate}T23:59:59Z` : null,
      nextSlab: next?.name ?? null,
      nextSlabSerialNumber: next?.serialNumber ?? null,
      loyaltyPoints: 0,
      lifetimePoints: 0,
    };
  });
}
