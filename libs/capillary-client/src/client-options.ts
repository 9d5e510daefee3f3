import { type CapillaryAuth } from './auth.provider';
import { type Clock } from './clock';
import { type CapillarySource } from './slab-adjustment.types';

export interface CapillaryLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface CapillaryClientOptions {
  baseUrl: string;
  auth: CapillaryAuth;
  source?: CapillarySource;
  timeoutMs?: number;
  /** 0 or undefined: no limit. */
  rateLimitPerMinute?: number;
  maxConcurrency?: number;
  membersPageSize?: number;
  /** `auto` (default) tries primaryUserId and falls back to search for good if the server rejects it. */
  groupLookup?: 'auto' | 'primaryUserId' | 'search';
  /** Never receives secrets: only method, path, status, duration and error classification. */
  logger?: CapillaryLogger;
  clock?: Clock;
}
