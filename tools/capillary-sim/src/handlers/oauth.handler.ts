import { type SimContext, type SimReply, type SimRequest } from '../sim-context';

export function generateToken(req: SimRequest, ctx: SimContext): SimReply {
  const expected = ctx.auth && 'oauthKey' in ctx.auth ? ctx.auth : undefined;
  const ttlSeconds = ctx.behaviour.tokenTtlSeconds;
  const body = typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
  if (!expected || body['key'] !== expected.oauthKey || body['secret'] !== expected.oauthSecret) {
    return {
      status: 401,
      body: { data: null, errors: [{ status: false, code: 401, message: 'Invalid client key or secret' }] },
    };
  }
  const accessToken = `sim.${req.requestId}.${ctx.tokens.issued + 1}`;
  ctx.tokens.issue(accessToken, ttlSeconds, Date.now());
  return { status: 200, body: { data: { accessToken, ttlSeconds }, errors: null } };
}
