import { type AuthProvider } from './auth.provider';
import { type Clock, systemClock } from './clock';

export const OAUTH_HEADER = 'X-CAP-API-OAUTH-TOKEN';

export interface OAuthToken {
  accessToken: string;
  ttlSeconds: number;
}

/** One in-flight generation is shared, so a burst of requests costs one token call, not one each. */
export class OAuthTokenProvider implements AuthProvider {
  private current?: { token: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    private readonly generate: () => Promise<OAuthToken>,
    private readonly clock: Clock = systemClock,
  ) {}

  async headers(): Promise<Record<string, string>> {
    return { [OAUTH_HEADER]: await this.token() };
  }

  unauthorized(failed: Record<string, string>): boolean {
    // Only drop the token that failed: a concurrent request may already have renewed it.
    if (this.current && this.current.token === failed[OAUTH_HEADER]) {
      this.current = undefined;
    }
    return true;
  }

  private token(): Promise<string> {
    if (this.current && this.clock.now() < this.current.refreshAt) {
      return Promise.resolve(this.current.token);
    }
    this.pending ??= this.renew().finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async renew(): Promise<string> {
    const { accessToken, ttlSeconds } = await this.generate();
    const ttlMs = Math.max(0, ttlSeconds * 1000);
    // Renew a little early (10% of the ttl, at most 30 s) so no request goes out with a dying token.
    const margin = Math.min(30_000, ttlMs / 10);
    this.current = { token: accessToken, refreshAt: this.clock.now() + ttlMs - margin };
    return accessToken;
  }
}
