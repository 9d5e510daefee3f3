import { type CapillaryAuth } from '../auth.provider';
import { type CapillarySource } from '../slab-adjustment.types';
import { type CapillaryVariables } from './capillary.environment';

export interface CapillaryConnection {
  baseUrl: string;
  auth: CapillaryAuth;
  source: CapillarySource;
  rateLimitPerMinute: number;
  maxConcurrency: number;
  timeoutMs: number;
}

export function capillaryConnectionOf(env: CapillaryVariables): CapillaryConnection | undefined {
  if (env.CAPILLARY_BASE_URL === undefined) {
    return undefined;
  }
  return {
    baseUrl: env.CAPILLARY_BASE_URL.replace(/\/+$/, ''),
    auth: authOf(env),
    source: env.CAPILLARY_SOURCE,
    rateLimitPerMinute: env.CAPILLARY_RATE_LIMIT_PER_MINUTE,
    maxConcurrency: env.CAPILLARY_MAX_CONCURRENCY,
    timeoutMs: env.CAPILLARY_TIMEOUT_MS,
  };
}

function authOf(env: CapillaryVariables): CapillaryAuth {
  // Validation guarantees the credentials of the chosen scheme are present.
  if (env.CAPILLARY_AUTH === 'oauth') {
    return { kind: 'oauth', key: env.CAPILLARY_OAUTH_KEY ?? '', secret: env.CAPILLARY_OAUTH_SECRET ?? '' };
  }
  return { kind: 'basic', username: env.CAPILLARY_USERNAME ?? '', password: env.CAPILLARY_PASSWORD ?? '' };
}
