import { type TiersMode } from './webhook-payloads';

export interface WebhookTarget {
  url: string;
  /** The static header Capillary sends with every event (docs/architecture.md, API fact 3). */
  headerName: string;
  secret: string;
  /** Default `array`; `null` sends `tiers: null`, `omitDetails` drops loyaltyProgramDetails. */
  tiersMode?: TiersMode;
  /**
   * The retry schedule of a retryable answer (429, 5xx, no answer): by default Capillary's, exponential for
   * 7 days (CAPILLARY_RETRY_SCHEDULE); tests compress it. A Retry-After answer is a floor on each wait.
   */
  maxAttempts?: number;
  /** The first wait; it doubles per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** From the first attempt; past it the event is given up and the next one goes. */
  maxElapsedMs?: number;
  /** Concurrent deliveries, like the webhook's maxAllowedConnections (default 1 = in order). */
  maxConnections?: number;
}

export interface WebhookFaults {
  duplicateRate?: number;
  /** Events emitted within this window are delivered in reverse order when it closes. */
  reorderWindowMs?: number;
  /** Extra delay before an event joins the delivery queue (with jitter, events can overtake each other). */
  delay?: { fixedMs: number; jitterMs?: number };
}

export interface WebhookDelivery {
  eventId: string;
  eventName: string;
  copy: number;
  attempt: number;
  status?: number;
  error?: string;
  /** The answer's Retry-After, as sent. */
  retryAfter?: string;
  /** Only when retrying: the wait before the next attempt. */
  retryInMs?: number;
  outcome: 'delivered' | 'retrying' | 'dropped' | 'gave-up';
  at: number;
}
