import { type CapillaryAuth } from './auth.provider';
import { type Clock } from './clock';
import { type CapillarySource } from './slab-adjustment.types';

export interface CapillaryLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface CapillaryClientOptions {
  /** e.g. https://eu.api.capillarytech.com (no trailing path). */
  baseUrl: string;
  auth: CapillaryAuth;
  /** Default INSTORE. */
  source?: CapillarySource;
  /** Per-request timeout; default 10 000 ms. */
  timeoutMs?: number;
  /** Requests per minute across all calls of this client; 0 or undefined = no limit. */
  rateLimitPerMinute?: number;
  /** Requests in flight at once across all calls of this client; default 10. */
  maxConcurrency?: number;
  /** Page size used to read group members; default 50. */
  membersPageSize?: number;
  /**
   * How findGroupLedBy locates a group: `primaryUserId` (GET /v2/userGroup2?primaryUserId=), `search`
   * (customer contact details + group search), or `auto` (default: primaryUserId, falling back to search
   * for good if the server rejects that parameter).
   */
  groupLookup?: 'auto' | 'primaryUserId' | 'search';
  /** Never receives secrets: only method, path, status, duration and error classification. */
  logger?: CapillaryLogger;
  /** For tests: the time source of the rate limiter and token cache. */
  clock?: Clock;
}
