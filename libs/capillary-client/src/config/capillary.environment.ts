import { IntVar } from '@tiersync/env-config';
import { IsIn, IsNotEmpty, IsString, IsUrl, ValidateIf } from 'class-validator';
import { CAPILLARY_SOURCES, type CapillarySource } from '../slab-adjustment.types';

export const CAPILLARY_AUTH_KINDS = ['basic', 'oauth'] as const;

/** Vendor minimum: 100 requests per API key per minute (docs/architecture.md, API fact 21); 90 leaves a
 * tenth to the ops CLI and other users of the key. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 90;

export interface CapillaryVariables {
  CAPILLARY_BASE_URL?: string;
  CAPILLARY_AUTH: (typeof CAPILLARY_AUTH_KINDS)[number];
  CAPILLARY_USERNAME?: string;
  CAPILLARY_PASSWORD?: string;
  CAPILLARY_OAUTH_KEY?: string;
  CAPILLARY_OAUTH_SECRET?: string;
  CAPILLARY_SOURCE: CapillarySource;
  CAPILLARY_RATE_LIMIT_PER_MINUTE: number;
  CAPILLARY_MAX_CONCURRENCY: number;
  CAPILLARY_TIMEOUT_MS: number;
}

export interface CapillaryEnvironmentOptions {
  /** ops-cli: only reconcile calls Capillary. */
  optional?: boolean;
}

// TypeScript accepts a mixin base only with this exact constructor signature.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

export function withCapillaryEnvironment<TBase extends Constructor>(
  Base: TBase,
  { optional = false }: CapillaryEnvironmentOptions = {},
) {
  const configured = (env: CapillaryVariables) => !optional || env.CAPILLARY_BASE_URL !== undefined;
  const needsBasic = (env: CapillaryVariables) => configured(env) && env.CAPILLARY_AUTH === 'basic';
  const needsOauth = (env: CapillaryVariables) => configured(env) && env.CAPILLARY_AUTH === 'oauth';

  class CapillaryEnvironment extends Base implements CapillaryVariables {
    @ValidateIf(configured)
    @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
    CAPILLARY_BASE_URL?: string;
    @IsIn(CAPILLARY_AUTH_KINDS) CAPILLARY_AUTH: (typeof CAPILLARY_AUTH_KINDS)[number] = 'basic';
    @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_USERNAME?: string;
    @ValidateIf(needsBasic) @IsString() @IsNotEmpty() CAPILLARY_PASSWORD?: string;
    @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_KEY?: string;
    @ValidateIf(needsOauth) @IsString() @IsNotEmpty() CAPILLARY_OAUTH_SECRET?: string;
    @IsIn(CAPILLARY_SOURCES) CAPILLARY_SOURCE: CapillarySource = 'INSTORE';
    @IntVar(0, 1_000_000) CAPILLARY_RATE_LIMIT_PER_MINUTE = DEFAULT_RATE_LIMIT_PER_MINUTE;
    @IntVar(1, 1_000) CAPILLARY_MAX_CONCURRENCY = 10;
    @IntVar(1, 600_000) CAPILLARY_TIMEOUT_MS = 10_000;
  }
  return CapillaryEnvironment;
}
