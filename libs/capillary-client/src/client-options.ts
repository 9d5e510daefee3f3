import { type CapillaryAuth } from './auth.provider';
import { type Clock } from './clock';
import { type CapillarySource } from './slab-adjustment.types';

export interface CapillaryLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export type CapillaryOutcome =
  'ok' | 'throttled' | 'api_error' | 'client_error' | 'server_error' | 'timeout' | 'network';

export interface CapillaryRequestEvent {
  method: string;
  /** The path with every numeric segment as `{id}`, so it names the API, not the customer. */
  endpoint: string;
  outcome: CapillaryOutcome;
  status?: number;
  durationMs: number;
  limiterWaitMs: number;
  throttle?: { retryAfterMs?: number; pauseMs: number };
}

export interface CapillaryClientOptions {
  baseUrl: string;
  auth: CapillaryAuth;
  source?: CapillarySource;
  timeoutMs?: number;
  /** 0 or undefined: no limit (a 429's Retry-After still pauses every call). */
  rateLimitPerMinute?: number;
  maxConcurrency?: number;
  membersPageSize?: number;
  /** `auto` (default) tries primaryUserId and falls back to search for good if the server rejects it. */
  groupLookup?: 'auto' | 'primaryUserId' | 'search';
  /** Never receives secrets: only method, path, status, duration and error classification. */
  logger?: CapillaryLogger;
  clock?: Clock;
}
