import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { SimApiError } from '../sim-error';
import { type SimCustomer } from '../sim.types';

const UPDATE_TYPES = new Set([
  'UPGRADE',
  'DOWNGRADE',
  'RENEW',
  'MEMBERSHIP_RELINKING_CANCELLED',
  'MEMBERSHIP_RENEWAL_INITIATION',
]);
const BATCH_LIMIT = 50;

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const status = (ok: boolean, code: number, message: string) => ({ status: ok, code, message });

/** docs/architecture.md, API fact 22. */
export function updatePartnerPrograms(req: SimRequest, ctx: SimContext): SimReply {
  const entries = asObject(req.body)['customersPartnerUpdates'];
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new SimApiError(400, 2002, 'Invalid Request: customersPartnerUpdates is empty or null');
  }
  if (entries.length > BATCH_LIMIT) {
    throw new SimApiError(
      400,
      2008,
      'Invalid Request: Cannot process if partner program limit is more than 50',
    );
  }
  const results = entries.map((raw) => {
    const entry = asObject(raw);
    const ref = asObject(entry['customer']);
    const customer = findCustomer(ctx, ref);
    const updates = Array.isArray(entry['partnerProgramUpdates']) ? entry['partnerProgramUpdates'] : [];
    return {
      customer: {
        id: customer?.customerId ?? ref['id'] ?? null,
        mobile: customer?.mobile ?? ref['mobile'] ?? null,
        email: customer?.email ?? ref['email'] ?? null,
        externalId: customer?.externalId ?? ref['externalId'] ?? null,
        status: customer
          ? status(true, 1000, 'Customer successfully retrieved')
          : status(false, 8015, 'Customer not found for the given identifiers'),
      },
      partnerProgramUpdates: updates.map((u) => {
        const update = asObject(u);
        return {
          partnerProgramName: update['partnerProgramName'] ?? null,
          updateType: update['updateType'] ?? null,
          updateStatus: customer
            ? applyUpdate(ctx, customer, update, req.requestId)
            : status(false, 8015, 'Customer not found'),
        };
      }),
    };
  });
  return { status: 200, body: { customersPartnerUpdates: ordered(results, ctx), warnings: [] } };
}

/** The documents promise one entry per customer but no order (README, "Documented variants"). */
function ordered<T>(results: T[], ctx: SimContext): T[] {
  switch (ctx.behaviour.partnerAnswerOrder) {
    case 'request-order':
      return results;
    case 'reversed':
      return [...results].reverse();
    case 'omit-last':
      return results.slice(0, -1);
  }
}

function findCustomer(ctx: SimContext, ref: Json): SimCustomer | undefined {
  for (const key of ['id', 'mobile', 'email', 'externalId']) {
    const value = ref[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') {
      return ctx.state.customerBy(key, String(value));
    }
  }
  return undefined;
}

function applyUpdate(ctx: SimContext, customer: SimCustomer, update: Json, requestId: string) {
  const name = update['partnerProgramName'];
  const updateType = update['updateType'];
  const details = asObject(update['updateDetails']);
  if (typeof name !== 'string' || name === '') {
    return status(false, 2002, 'Invalid Request: partnerProgramName is empty or null');
  }
  if (typeof updateType !== 'string' || !UPDATE_TYPES.has(updateType)) {
    return status(false, 2009, 'Invalid Request: updateType supports only UPGRADE, DOWNGRADE, RENEW, ...');
  }
  if (updateType === 'MEMBERSHIP_RELINKING_CANCELLED') {
    return status(false, 2026, 'Membership relinking is not enabled for this organisation');
  }
  const tierName = details['updatedTierName'];
  if (typeof tierName !== 'string' || tierName === '') {
    return status(false, 2002, 'Invalid Request: updateDetails or updatedTierName is empty or null');
  }
  const program = ctx.state.partnerProgram(name);
  if (!program) {
    return status(false, 2006, 'Invalid Request: Cannot find the partner program');
  }
  const tier = program.tiers.find((t) => t.tierName.toLowerCase() === tierName.toLowerCase());
  if (!tier) {
    return status(false, 2007, 'Invalid Request: Cannot find the partner program tier');
  }
  const expiry = details['updatedTierExpiryDate'];
  if (
    expiry !== undefined &&
    (typeof expiry !== 'string' || !(Date.parse(expiry) >= ctx.now() - 86_400_000))
  ) {
    return status(false, 2003, 'Invalid Request: Partner tier expiry date should not be a past date');
  }
  const link = customer.partnerLinks.find((l) => l.partnerProgramName === program.name);
  if (!link) {
    return status(false, 2004, 'Invalid Request: Link the customer with the partner program');
  }
  link.tierName = tier.tierName;
  if (typeof expiry === 'string') {
    link.expiryDate = expiry;
  }
  ctx.events.partnerUpdated(
    customer,
    program,
    {
      updateType,
      tierNumber: tier.tierNumber,
      expiryDate: link.expiryDate,
      membershipNumber: link.membershipNumber,
    },
    requestId,
  );
  return status(true, 200, 'Success');
}
