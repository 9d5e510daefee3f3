import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type SimCall } from './call-log';
import { BadJsonError, readJson, sendJson, sendText, sleep } from './http-io';
import { isAuthorized, tillOf } from './sim-auth';
import { type SimReply } from './sim-context';
import { type SimCore } from './sim-core';
import { errorEnvelope, invalidInput, SimApiError } from './sim-error';
import { type LostAnswer } from './sim-faults';
import { matchRoute } from './sim-routes';

export async function handleApiRequest(
  core: SimCore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? 'GET';
  const matched = matchRoute(method, url.pathname);
  let body: unknown;
  let badBody: string | undefined;
  try {
    body = await readJson(req);
  } catch (error) {
    badBody = error instanceof BadJsonError ? error.message : 'unreadable body';
  }
  const call = core.calls.start({
    endpoint: matched?.route.endpoint,
    method,
    path: url.pathname,
    caller: tillOf(req.headers),
    query: Object.fromEntries(url.searchParams),
    body,
  });
  const answer = (reply: SimReply) => {
    sendJson(res, reply.status, reply.body, reply.headers);
    core.calls.finish(call, reply.status, envelopeCode(reply.body));
  };
  if (!matched) {
    answer({ status: 404, body: errorEnvelope(404, `No API at ${method} ${url.pathname}`) });
    return;
  }
  const retryAfter = core.faults.rateLimited(Date.now());
  if (retryAfter !== undefined) {
    call.fault = 'rate-limit';
    const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': String(retryAfter) };
    answer({ status: 429, body: errorEnvelope(429, 'Rate limit exceeded'), headers });
    return;
  }
  const decision = core.faults.decide(matched.route.endpoint);
  await sleep(core.faults.latencyMs());
  if (decision.kind === 'hang') {
    // Never answer: the client's timeout is what ends this request.
    call.fault = 'hang';
    res.on('close', () => {
      core.calls.finish(call, 0);
    });
    return;
  }
  if (decision.kind === 'error') {
    call.fault = 'error';
    fault(res, core, call, decision.status, decision.retryAfter);
    return;
  }
  const ctx = core.context();
  if (matched.route.endpoint !== 'oauthToken' && !isAuthorized(req.headers, ctx.auth, ctx.tokens)) {
    answer({ status: 401, body: errorEnvelope(401, 'Unauthorized: invalid or missing credentials') });
    return;
  }
  try {
    if (badBody) {
      throw invalidInput(badBody);
    }
    const request = {
      method,
      path: url.pathname,
      params: matched.params,
      query: url.searchParams,
      body,
      requestId: randomUUID(),
    };
    const reply = matched.route.handle(request, ctx);
    if (decision.kind === 'lost-answer' && reply.status < 400) {
      call.fault = 'lost-answer';
      loseAnswer(res, core, call, decision.as);
      return;
    }
    answer(reply);
  } catch (error) {
    if (!(error instanceof SimApiError)) {
      throw error;
    }
    answer({ status: core.faults.current.errorEnvelopeStatus ?? error.status, body: error.body });
  }
}

/** 503 answers in plain text like a proxy would; the others carry the v2 envelope. */
function fault(res: ServerResponse, core: SimCore, call: SimCall, status: number, retryAfter?: string): void {
  const headers: Record<string, string> = retryAfter ? { 'retry-after': retryAfter } : {};
  if (status === 503) {
    sendText(res, status, 'Service Unavailable', headers);
  } else {
    const message =
      status === 521 ? 'Multiple actions running for the same customer, retry later' : 'Simulated failure';
    sendJson(res, status, errorEnvelope(status, message), headers);
  }
  core.calls.finish(call, status, status === 503 ? undefined : status);
}

function loseAnswer(res: ServerResponse, core: SimCore, call: SimCall, as: LostAnswer): void {
  if (as === 'reset') {
    res.socket?.destroy();
    core.calls.finish(call, 0);
  } else {
    fault(res, core, call, as);
  }
}

function envelopeCode(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || !('errors' in body) || !Array.isArray(body.errors)) {
    return undefined;
  }
  const first: unknown = body.errors[0];
  return typeof first === 'object' && first !== null && 'code' in first && typeof first.code === 'number'
    ? first.code
    : undefined;
}
