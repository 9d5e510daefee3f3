import { getCustomer } from './handlers/customer.handler';
import { getGroupMembers, searchGroups } from './handlers/group-members.handler';
import { generateToken } from './handlers/oauth.handler';
import { getOrganizationPrograms } from './handlers/organization-programs.handler';
import { updatePartnerPrograms } from './handlers/partner-program.handler';
import { manualSlabAdjustment } from './handlers/slab-adjustment.handler';
import { getTiers } from './handlers/tiers.handler';
import { getUserGroup } from './handlers/user-group.handler';
import { type SimContext, type SimReply, type SimRequest } from './sim-context';
import { type SimEndpoint } from './sim-faults';

export interface SimRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  endpoint: SimEndpoint;
  handle: (req: SimRequest, ctx: SimContext) => SimReply;
}

/** docs/architecture.md, "Capillary API facts". */
export const ROUTES: readonly SimRoute[] = [
  {
    method: 'POST',
    pattern: /^\/v2\/slab\/manualSlabAdjustment$/,
    endpoint: 'manualSlabAdjustment',
    handle: manualSlabAdjustment,
  },
  { method: 'GET', pattern: /^\/v2\/userGroup2$/, endpoint: 'userGroup2', handle: getUserGroup },
  {
    method: 'GET',
    pattern: /^\/v2\/userGroup2\/members$/,
    endpoint: 'userGroup2Members',
    handle: getGroupMembers,
  },
  {
    method: 'GET',
    pattern: /^\/v2\/userGroup2\/search$/,
    endpoint: 'userGroup2Search',
    handle: searchGroups,
  },
  { method: 'GET', pattern: /^\/v2\/customers\/([^/]+)$/, endpoint: 'customers', handle: getCustomer },
  { method: 'GET', pattern: /^\/v3\/tiers$/, endpoint: 'tiers', handle: getTiers },
  {
    method: 'GET',
    pattern: /^\/v2\/organization\/programs$/,
    endpoint: 'organizationPrograms',
    handle: getOrganizationPrograms,
  },
  {
    method: 'POST',
    pattern: /^\/v2\/partnerProgram\/customerPartnerProgramUpdate$/,
    endpoint: 'partnerProgramUpdate',
    handle: updatePartnerPrograms,
  },
  {
    method: 'POST',
    pattern: /^\/v3\/oauth\/token\/generate$/,
    endpoint: 'oauthToken',
    handle: generateToken,
  },
];

export function matchRoute(method: string, path: string): { route: SimRoute; params: string[] } | undefined {
  for (const route of ROUTES) {
    const match = route.method === method ? route.pattern.exec(path) : null;
    if (match) {
      return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
    }
  }
  return undefined;
}
