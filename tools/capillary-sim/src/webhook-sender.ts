import { type WebhookEvent } from './webhook-payloads';
import { type WebhookDelivery, type WebhookTarget } from './webhook.types';

const ATTEMPT_TIMEOUT_MS = 5_000;

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
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [target.headerName]: target.secret },
      body: JSON.stringify(event),
      signal: controller.signal,
    });
    await response.arrayBuffer();
    const retryAfter = response.headers.get('retry-after');
    return { status: response.status, ...(retryAfter === null ? {} : { retryAfter }) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timeout);
    inFlight.delete(controller);
  }
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
