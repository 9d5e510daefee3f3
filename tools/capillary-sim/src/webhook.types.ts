import { type TiersMode } from './webhook-payloads';

export interface WebhookTarget {
  url: string;
  /** The static header Capillary sends with every event (docs/architecture.md, API fact 3). */
  headerName: string;
  secret: string;
  /** Default `array`; `null` sends `tiers: null`, `omitDetails` drops loyaltyProgramDetails. */
  tiersMode?: TiersMode;
  /** Default 6 attempts, 50 ms doubling per attempt. */
  maxAttempts?: number;
  backoffMs?: number;
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
  outcome: 'delivered' | 'retrying' | 'dropped' | 'gave-up';
  at: number;
}
