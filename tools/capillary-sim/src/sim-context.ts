import { type SimEvents } from './sim-events';
import { type SimBehaviour } from './sim-faults';
import { type SimState } from './sim-state';

/** Credentials the simulator accepts, like Capillary: Basic till credentials or an OAuth client. */
export type SimAuth = { username: string; password: string } | { oauthKey: string; oauthSecret: string };

/** What an endpoint handler receives. */
export interface SimRequest {
  method: string;
  path: string;
  /** Captured path segments, e.g. the customer id of /v2/customers/{id}. */
  params: string[];
  query: URLSearchParams;
  body: unknown;
  /** Becomes `apiRequestId` of the events this request causes. */
  requestId: string;
}

export interface SimReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface SimContext {
  state: SimState;
  events: SimEvents;
  tokens: TokenStore;
  behaviour: SimBehaviour;
  auth?: SimAuth;
  /** The simulator's "today" as epoch ms. */
  now(): number;
}

/** OAuth tokens issued by POST /v3/oauth/token/generate and their expiry. */
export class TokenStore {
  private readonly tokens = new Map<string, number>();
  issued = 0;

  issue(token: string, ttlSeconds: number, now: number): void {
    this.issued++;
    this.tokens.set(token, now + ttlSeconds * 1000);
  }

  valid(token: string, now: number): boolean {
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && now < expiresAt;
  }

  /** Invalidates every token (control API), so the next call answers 401. */
  expireAll(): void {
    this.tokens.clear();
  }
}
