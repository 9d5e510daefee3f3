import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { SIM_INVALID_INPUT, SimApiError } from '../sim-error';
import { type SimBehaviour } from '../sim-faults';
import { type SimGroup } from '../sim.types';

export function getUserGroup(req: SimRequest, ctx: SimContext): SimReply {
  const id = req.query.get('id');
  const externalId = req.query.get('externalId');
  const primaryUserId = req.query.get('primaryUserId');
  let group: SimGroup | undefined;
  if (id !== null) {
    group = /^\d+$/.test(id) ? ctx.state.group(Number(id)) : undefined;
    if (!group) {
      throw new SimApiError(400, 1619, 'Invalid group id');
    }
  } else if (externalId !== null) {
    group = ctx.state.groupByExternalId(externalId);
  } else if (primaryUserId !== null) {
    rejectPrimaryLookup(ctx.behaviour.primaryUserIdLookup, primaryUserId);
    group = /^\d+$/.test(primaryUserId) ? ctx.state.groupLedBy(Number(primaryUserId)) : undefined;
  }
  const locator = id ?? externalId ?? primaryUserId;
  if (!group || (primaryUserId !== null && !isActivePrimary(group, Number(primaryUserId)))) {
    throw new SimApiError(
      400,
      1632,
      `Group id/externalId/primary userId ${locator ?? 'null'} passed is not valid`,
    );
  }
  return { status: 200, body: groupView(group, ctx) };
}

/** The lookup by primaryUserId alone is an inference (docs/architecture.md, API fact 11): a server may refuse it. */
function rejectPrimaryLookup(mode: SimBehaviour['primaryUserIdLookup'], primaryUserId: string): void {
  switch (mode) {
    case 'supported':
      return;
    case 'rejected-1619':
      throw new SimApiError(400, 1619, 'Invalid group id');
    case 'rejected-1632':
      throw new SimApiError(
        400,
        1632,
        `Group id/externalId/primary userId ${primaryUserId} passed is not valid`,
      );
    case 'rejected-403':
      throw new SimApiError(403, SIM_INVALID_INPUT, 'Mandatory field missing: id or externalId');
  }
}

function isActivePrimary(group: SimGroup, customerId: number): boolean {
  return group.members.some((m) => m.customerId === customerId && m.primary && m.active);
}

export function groupView(group: SimGroup, ctx: SimContext): Record<string, unknown> {
  const active = group.members.filter((m) => m.active).length;
  return {
    id: group.groupId,
    externalId: group.externalId ?? null,
    groupStatus: group.groupStatus,
    groupName: group.groupName,
    maxGroupSize: group.maxGroupSize,
    createdBy: 1,
    createdOn: group.createdOn,
    fleetGroupUsers: group.members.slice(0, ctx.behaviour.groupRowsLimit).map((m) => ({
      userId: m.customerId,
      groupId: group.groupId,
      defaultGroup: m.defaultGroup,
      primaryMember: m.primary,
      active: m.active,
    })),
    totalActiveMembers: active,
    totalExitedMembers: group.members.length - active,
    pointsSummaries: group.tiers.map((t) => {
      const program = ctx.state.program(t.programId);
      return {
        programId: t.programId,
        userGroup2Id: group.groupId,
        currentSlab: program ? (ctx.state.tierByNumber(program, t.tierNumber)?.name ?? null) : null,
        slabSNo: t.tierNumber,
        slabExpiryDate: t.expiryDate ? `${t.expiryDate}T23:59:59Z` : null,
      };
    }),
    extendedFields: {},
    warnings: [],
  };
}
