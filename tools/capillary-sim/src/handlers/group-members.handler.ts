import { type SimContext, type SimReply, type SimRequest } from '../sim-context';
import { invalidInput, SimApiError } from '../sim-error';

/** `inActive` and the exited rows follow the behaviour switches: the reference is read two ways. */
export function getGroupMembers(req: SimRequest, ctx: SimContext): SimReply {
  const maxPage = ctx.behaviour.membersMaxPageSize;
  if (!req.query.get('source')) {
    throw invalidInput('source is required');
  }
  if (req.query.get('identifierName') !== 'id') {
    throw invalidInput('identifierName supports only id');
  }
  const value = req.query.get('identifierValue') ?? '';
  const group = /^\d+$/.test(value) ? ctx.state.group(Number(value)) : undefined;
  if (!group) {
    throw new SimApiError(400, 1619, 'Invalid group id');
  }
  const descending = (req.query.get('sortOrder') ?? 'DESC').toUpperCase() !== 'ASC';
  const byPrimary = req.query.get('sortBy') === 'IS_PRIMARY';
  const listed =
    ctx.behaviour.membersExited === 'listed' ? group.members : group.members.filter((m) => m.active);
  const trueIsActive = ctx.behaviour.membersInActive === 'true-is-active';
  const rows = [...listed].sort((a, b) => {
    const key = byPrimary ? Number(a.primary) - Number(b.primary) : a.joinedOn.localeCompare(b.joinedOn);
    return descending ? -key : key;
  });
  const paginated = req.query.get('paginationDetails') === 'true';
  const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
  const requested = Number(req.query.get('limit') ?? maxPage) || maxPage;
  const limit = Math.min(Math.max(1, requested), maxPage);
  const page = rows.slice(offset, offset + limit);
  const data = page.map((m) => {
    const customer = ctx.state.customer(m.customerId);
    return {
      fleetUserId: m.customerId,
      role: m.primary ? 'PRIMARY' : 'SECONDARY',
      roleCode: m.primary ? 'PRIMARY' : 'SECONDARY',
      primaryMember: m.primary,
      inActive: trueIsActive ? m.active : !m.active,
      joinedOn: m.joinedOn,
      permissions: [],
      pointsContributed: 0,
      email: customer?.email ?? null,
      mobile: customer?.mobile ?? null,
      identifiers: customer?.externalId ? [{ type: 'externalId', value: customer.externalId }] : [],
    };
  });
  const body: Record<string, unknown> = { data, warnings: [] };
  if (paginated) {
    body['pagination'] = {
      limit,
      offset,
      sortBy: req.query.get('sortBy') ?? 'JOINED_ON',
      sortOrder: descending ? 'DESC' : 'ASC',
      total: rows.length,
    };
  }
  return { status: 200, body };
}

/** Matches the PRIMARY's email/mobile, not any member's. */
export function searchGroups(req: SimRequest, ctx: SimContext): SimReply {
  const q = (req.query.get('q') ?? '').trim().toLowerCase();
  const offset = Math.max(0, Number(req.query.get('offset') ?? 0) || 0);
  const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 10) || 10));
  const hits = ctx.state.groups.filter((g) => {
    const primaryId = g.members.find((m) => m.primary)?.customerId;
    const primary = primaryId === undefined ? undefined : ctx.state.customer(primaryId);
    return (
      q !== '' &&
      (String(g.groupId) === q ||
        g.groupName.toLowerCase().includes(q) ||
        g.externalId?.toLowerCase() === q ||
        primary?.email?.toLowerCase() === q ||
        primary?.mobile === q)
    );
  });
  const data = hits.slice(offset, offset + limit).map((g) => ({
    groupId: g.groupId,
    groupName: g.groupName,
    groupStatus: g.groupStatus,
    groupExternalId: g.externalId ?? null,
    primaryMemberId: g.members.find((m) => m.primary)?.customerId ?? null,
    totalMembers: g.members.filter((m) => m.active).length,
    createdOn: g.createdOn,
  }));
  return { status: 200, body: { data, pagination: { offset, limit, total: hits.length }, warnings: [] } };
}
