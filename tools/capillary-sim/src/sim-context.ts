import { type SimEvents } from './sim-events';
import { type SimBehaviour } from './sim-faults';
import { type SimState } from './sim-state';

export type SimAuth = { username: string; password: string } | { oauthKey: string; oauthSecret: string };

export interface SimRequest {
  method: string;
  path: string;
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
  now(): number;
}

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

  expireAll(): void {
    this.tokens.clear();
  }
}
