import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { type SimPartnerProgram, type SimProgram } from '../sim.types';

/**
 * As in the vendor's sample (docs/architecture.md, API fact 25), a partner program without tiers has no
 * `partnerProgramTiers`, and the loyalty program's own slabs are not listed.
 */
export function getOrganizationPrograms(_req: SimRequest, ctx: SimContext): SimReply {
  const { programs, partnerPrograms } = ctx.state;
  const data = programs.map((program) =>
    programView(
      program,
      partnerPrograms.filter((p) => p.loyaltyProgramId === program.programId),
    ),
  );
  return { status: 200, body: { data, warnings: [], errors: [] } };
}

function programView(program: SimProgram, partners: SimPartnerProgram[]): Record<string, unknown> {
  return {
    programId: program.programId,
    programName: program.name,
    pointsToCurrencyRatio: program.pointsToCurrencyRatio,
    programDescription: `${program.name} of the demo org`,
    partnerPrograms: partners.map(partnerView),
    default: program.isDefault,
  };
}

function partnerView(partner: SimPartnerProgram): Record<string, unknown> {
  const tierBased = partner.tiers.length > 0;
  return {
    partnerProgramId: partner.partnerProgramId,
    partnerProgramName: partner.name,
    partnerProgramDescription: partner.name,
    ...(tierBased
      ? {
          partnerProgramTiers: [...partner.tiers]
            .sort((a, b) => a.tierNumber - b.tierNumber)
            .map((t) => ({ tierNumber: t.tierNumber, tierName: t.tierName })),
        }
      : {}),
    pointsExchangeRate: 1.0,
    partnerProgramType: partner.type,
    membershipPeriodValue: 0,
    tierBased,
  };
}
