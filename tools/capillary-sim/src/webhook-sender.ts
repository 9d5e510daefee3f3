import http from 'node:http';
import https from 'node:https';
import { type WebhookEvent } from './webhook-payloads';
import { type WebhookDelivery, type WebhookTarget } from './webhook.types';

const ATTEMPT_TIMEOUT_MS = 5_000;
// node:http rather than fetch: undici's web streams cost this process several times the CPU per delivery,
// and in a benchmark the simulator shares the machine with the system it measures.
const AGENTS = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

export async function sendEvent(
  target: WebhookTarget,
  event: WebhookEvent,
  inFlight: Set<AbortController>,
): Promise<{ status?: number; error?: string; retryAfter?: string }> {
  const controller = new AbortController();
  inFlight.add(controller);
  const timeout = setTimeout(() => {
    controller.abort();
  }, ATTEMPT_TIMEOUT_MS);
  try {
    const { status, retryAfter } = await post(target, JSON.stringify(event), controller.signal);
    return { status, ...(retryAfter === undefined ? {} : { retryAfter }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timeout);
    inFlight.delete(controller);
  }
}

/** Resolves once the whole answer is read, as a sender must before it reuses the connection. */
function post(
  target: WebhookTarget,
  body: string,
  signal: AbortSignal,
): Promise<{ status: number; retryAfter?: string }> {
  const url = new URL(target.url);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        method: 'POST',
        agent: secure ? AGENTS.https : AGENTS.http,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          [target.headerName]: target.secret,
        },
        signal,
      },
      (response) => {
        response.on('error', reject);
        response.on('end', () => {
          const retryAfter = response.headers['retry-after'];
          resolve({ status: response.statusCode ?? 0, ...(retryAfter === undefined ? {} : { retryAfter }) });
        });
        response.resume();
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** ENS semantics: 2xx delivered; 429, 5xx and network errors retried; any other answer dropped for good. */
export function answerOf(status: number | undefined): 'delivered' | 'retryable' | 'dropped' {
  if (status !== undefined && status >= 200 && status < 300) {
    return 'delivered';
  }
  return status === undefined || status === 429 || status >= 500 ? 'retryable' : 'dropped';
}

export function compactDelivery(entry: WebhookDelivery): WebhookDelivery {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== undefined),
  ) as unknown as WebhookDelivery;
}
