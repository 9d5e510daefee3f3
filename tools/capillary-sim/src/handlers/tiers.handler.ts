import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { SimApiError } from '../sim-error';

/** Drafts included, wrapped as the reference's sample wraps them. */
export function getTiers(req: SimRequest, ctx: SimContext): SimReply {
  const programId = Number(req.query.get('programId'));
  const program = Number.isInteger(programId) ? ctx.state.program(programId) : undefined;
  if (!program) {
    throw new SimApiError(400, 1101, 'invalid programId passed');
  }
  const tiers = program.tiers.map((t) => ({
    slabId: t.slabId,
    programId: program.programId,
    name: t.name,
    serialNumber: t.serialNumber,
    description: t.description ?? `${t.name} tier`,
    status: t.status ?? 'LIVE',
    eligibility: { kpiType: 'CURRENT_POINTS', threshold: (t.serialNumber - 1) * 1000 },
  }));
  return { status: 200, body: { data: { tiers }, errors: [], warnings: [] } };
}
