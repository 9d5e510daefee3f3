import { type SeededRandom } from './seeded-random';
import { type WebhookFaults } from './webhook.types';

export type SimEndpoint =
  | 'manualSlabAdjustment'
  | 'userGroup2'
  | 'userGroup2Members'
  | 'userGroup2Search'
  | 'customers'
  | 'tiers'
  | 'organizationPrograms'
  | 'partnerProgramUpdate'
  | 'oauthToken';

/** Probabilities (0..1) per request; checked in the order hang, 429, 521, 500, 503. */
export interface EndpointFaults {
  rateHang?: number;
  rate429?: number;
  rate521?: number;
  rate500?: number;
  rate503?: number;
  /**
   * Retry-After of the 429 and 521 answers: delta-seconds or an HTTP date (default "1"); `false` sends none,
   * the one reading the vendor's documents support (they name no 429 header).
   */
  retryAfter?: string | false;
}

export interface SimFaults {
  rngSeed?: number;
  latency?: { fixedMs: number; jitterMs?: number };
  /** `*` applies to endpoints without their own entry. */
  endpoints?: Partial<Record<SimEndpoint | '*', EndpointFaults>>;
  requestsPerMinute?: number;
  /** Whether a 429 of `requestsPerMinute` says when a slot frees up (default true; a guess, see README). */
  rateLimitRetryAfter?: boolean;
  /** Sends API error envelopes with this status (e.g. 200) instead of the documented one. */
  errorEnvelopeStatus?: number;
  webhook?: WebhookFaults;
}

/**
 * Readings the vendor's documents leave open, one switch each (README, "Documented variants"); the defaults
 * are the readings tiersync was first built on.
 */
export interface SimBehaviour {
  /**
   * How `GET /v2/userGroup2?primaryUserId=` (without id) is answered: `supported` finds the group the
   * customer leads (1632 for anyone else); `rejected-1619`, `rejected-1632` and `rejected-403` refuse every
   * such lookup with legacy code 1619 ("Invalid group id"), 1632 ("... primary userId passed is not valid",
   * indistinguishable from "leads no group") or HTTP 403 ("mandatory field missing", the v2 status table).
   */
  primaryUserIdLookup: 'supported' | 'rejected-1619' | 'rejected-1632' | 'rejected-403';
  /** `GET /v2/userGroup2/members`'s `inActive`: true = active (one reference version) or true = inactive (another). */
  membersInActive: 'true-is-active' | 'true-is-inactive';
  /** Whether `GET /v2/userGroup2/members` lists exited members ("only the current membership record"). */
  membersExited: 'listed' | 'omitted';
  membersMaxPageSize: number;
  /** A guess: `GET /v2/userGroup2?id=` listing at most this many `fleetGroupUsers` (totals unchanged). */
  groupRowsLimit?: number;
  /**
   * The order of `customerPartnerProgramUpdate`'s answer, which the documents do not state: `request-order`
   * (a guess), `reversed`, or `omit-last` (a guess beyond the documents: the last customer gets no entry).
   */
  partnerAnswerOrder: 'request-order' | 'reversed' | 'omit-last';
  tokenTtlSeconds: number;
}

export const DEFAULT_BEHAVIOUR: SimBehaviour = {
  primaryUserIdLookup: 'supported',
  membersInActive: 'true-is-active',
  membersExited: 'listed',
  partnerAnswerOrder: 'request-order',
  membersMaxPageSize: 50,
  tokenTtlSeconds: 300,
};

export type FaultDecision =
  { kind: 'none' } | { kind: 'hang' } | { kind: 'error'; status: number; retryAfter?: string };

export class FaultInjector {
  private faults: SimFaults = {};
  private readonly accepted: number[] = [];

  constructor(private readonly random: () => SeededRandom) {}

  get current(): SimFaults {
    return structuredClone(this.faults);
  }

  set(faults: SimFaults): void {
    this.faults = structuredClone(faults);
    this.accepted.length = 0;
  }

  latencyMs(): number {
    const latency = this.faults.latency;
    return latency ? latency.fixedMs + Math.floor(this.random().next() * (latency.jitterMs ?? 0)) : 0;
  }

  /**
   * Seconds until a slot frees up (null: limited, but the answer does not say when); undefined lets the call
   * through and counts it.
   */
  rateLimited(now: number): number | null | undefined {
    const limit = this.faults.requestsPerMinute;
    if (!limit) {
      return undefined;
    }
    while (this.accepted.length > 0 && (this.accepted[0] ?? now) <= now - 60_000) {
      this.accepted.shift();
    }
    if (this.accepted.length >= limit) {
      const seconds = Math.max(1, Math.ceil(((this.accepted[0] ?? now) + 60_000 - now) / 1000));
      return this.faults.rateLimitRetryAfter === false ? null : seconds;
    }
    this.accepted.push(now);
    return undefined;
  }

  decide(endpoint: SimEndpoint): FaultDecision {
    const rules = this.faults.endpoints?.[endpoint] ?? this.faults.endpoints?.['*'];
    if (!rules) {
      return { kind: 'none' };
    }
    const random = this.random();
    const retryAfter = rules.retryAfter === false ? undefined : (rules.retryAfter ?? '1');
    if (random.chance(rules.rateHang)) {
      return { kind: 'hang' };
    }
    if (random.chance(rules.rate429)) {
      return { kind: 'error', status: 429, retryAfter };
    }
    if (random.chance(rules.rate521)) {
      return { kind: 'error', status: 521, retryAfter };
    }
    if (random.chance(rules.rate500)) {
      return { kind: 'error', status: 500 };
    }
    return random.chance(rules.rate503) ? { kind: 'error', status: 503 } : { kind: 'none' };
  }
}
