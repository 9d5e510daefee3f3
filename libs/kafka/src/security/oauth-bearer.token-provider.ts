import { type OauthbearerProviderResponse } from 'kafkajs';
import { errorCause, errorField } from './error-details';
import { KafkaSecurityError } from './kafka-security.error';
import { KAFKA_SECURITY_ENV } from './kafka-security.settings';

export interface OAuthBearerClientCredentials {
  tokenEndpointUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

export interface OAuthBearerTokenProviderOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

interface CachedToken {
  value: string;
  refreshAt: number;
}

/** librdkafka's and Java's default (sasl.login.refresh.window.factor): renew at 80% of a token's life. */
const REFRESH_AT_LIFETIME_FRACTION = 0.8;

const ENV = KAFKA_SECURITY_ENV;

/** Reused until 80% of its life (RFC 6749 §4.4 grant), so no connection starts with a dying token. */
export class OAuthBearerTokenProvider {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(
    private readonly credentials: OAuthBearerClientCredentials,
    options: OAuthBearerTokenProviderOptions = {},
  ) {
    this.fetch = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async token(): Promise<OauthbearerProviderResponse> {
    if (this.cached === undefined || this.now() >= this.cached.refreshAt) {
      this.pending ??= this.request().finally(() => {
        this.pending = undefined;
      });
      this.cached = await this.pending;
    }
    return { value: this.cached.value };
  }

  private async request(): Promise<CachedToken> {
    const { tokenEndpointUrl, clientId, clientSecret, scope } = this.credentials;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(
      'base64',
    );
    const body = new URLSearchParams({ grant_type: 'client_credentials', ...(scope && { scope }) });
    const requestedAt = this.now();
    let response: Response;
    try {
      response = await this.fetch(tokenEndpointUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new KafkaSecurityError(
        `No OAUTHBEARER token: the token endpoint in ${ENV.saslOauthbearerTokenEndpointUrl} did not answer (${errorCode(error)})`,
        { cause: error, retriable: true },
      );
    }
    const answer = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!response.ok) {
      throw refusal(response.status, answer?.['error']);
    }
    const accessToken = answer?.['access_token'];
    if (typeof accessToken !== 'string' || accessToken === '') {
      throw new KafkaSecurityError(
        `No OAUTHBEARER token: the token endpoint in ${ENV.saslOauthbearerTokenEndpointUrl} answered without an access_token`,
      );
    }
    const lifetimeMs = lifetimeOf(accessToken, answer?.['expires_in'], requestedAt);
    return { value: accessToken, refreshAt: requestedAt + lifetimeMs * REFRESH_AT_LIFETIME_FRACTION };
  }
}

function refusal(status: number, oauthError: unknown): KafkaSecurityError {
  // RFC 6749 §5.2 error codes are fixed words, safe to show; the rest of the body is not shown.
  const code = typeof oauthError === 'string' && /^[a-z_]+$/.test(oauthError) ? ` ${oauthError}` : '';
  const check =
    code === ' invalid_scope'
      ? ENV.saslOauthbearerScope
      : `${ENV.saslOauthbearerClientId} and ${ENV.saslOauthbearerClientSecret}`;
  return new KafkaSecurityError(
    `No OAUTHBEARER token: the token endpoint in ${ENV.saslOauthbearerTokenEndpointUrl} refused the request (HTTP ${status}${code}): check ${check}`,
    { retriable: status >= 500 || status === 429 },
  );
}

/** expires_in if the endpoint sends it, else the JWT's exp; a token of unknown life is not reused. */
function lifetimeOf(accessToken: string, expiresIn: unknown, requestedAt: number): number {
  if (typeof expiresIn === 'number' && expiresIn > 0) {
    return expiresIn * 1000;
  }
  const payload = accessToken.split('.')[1];
  try {
    const { exp } = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? Math.max(0, exp * 1000 - requestedAt) : 0;
  } catch {
    return 0;
  }
}

/** fetch wraps the socket's error: its code (ECONNREFUSED, ...) is on the cause. */
function errorCode(error: unknown): string {
  return (
    errorField(errorCause(error), 'code') ??
    errorField(error, 'code') ??
    errorField(error, 'message') ??
    'no answer'
  );
}
