import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { AdaptiveRateLimit, type RateLimitState } from './adaptive-rate-limit';
import { type AuthProvider, BasicAuthProvider } from './auth.provider';
import { CapillaryApiError } from './capillary-api.error';
import {
  type CapillaryClientOptions,
  type CapillaryLogger,
  type CapillaryOutcome,
  type CapillaryRequestEvent,
} from './client-options';
import { ConcurrencyLimiter } from './concurrency-limiter';
import { apiError, type ApiErrorEntry, parseRetryAfter } from './error-classification';
import { isRecord, optNumber, optString } from './json-reader';
import { type OAuthToken, OAuthTokenProvider } from './oauth-token.provider';
import { RateLimiter } from './rate-limiter';

export type Query = Record<string, string | number | boolean | undefined>;

export interface HttpCall {
  method: 'GET' | 'POST';
  path: string;
  query?: Query;
  body?: unknown;
}

const silent: CapillaryLogger = { debug: () => undefined, warn: () => undefined };

export class CapillaryHttp {
  private readonly axios: AxiosInstance;
  private readonly auth: AuthProvider;
  private readonly rate: AdaptiveRateLimit;
  private readonly slots: ConcurrencyLimiter;
  private readonly logger: CapillaryLogger;
  private onRequest: (event: CapillaryRequestEvent) => void = () => undefined;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(options: CapillaryClientOptions) {
    this.logger = options.logger ?? silent;
    this.agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    this.axios = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 10_000,
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      validateStatus: () => true,
      // Capillary answers where it is asked: a redirect means a wrong CAPILLARY_BASE_URL, and following it
      // would resend credentials elsewhere. Without follow-redirects each call also costs less CPU.
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true },
    });
    const limiter = new RateLimiter({ perMinute: options.rateLimitPerMinute ?? 0, clock: options.clock });
    this.rate = new AdaptiveRateLimit(limiter, options.clock);
    this.slots = new ConcurrencyLimiter(options.maxConcurrency ?? 10);
    const auth = options.auth;
    this.auth =
      auth.kind === 'basic'
        ? new BasicAuthProvider(auth.username, auth.password)
        : new OAuthTokenProvider(() => this.generateToken(auth), options.clock);
  }

  get rateLimit(): RateLimitState {
    return this.rate.state;
  }

  observeRequests(listener: (event: CapillaryRequestEvent) => void): void {
    this.onRequest = listener;
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  async call(call: HttpCall): Promise<unknown> {
    return this.slots.run(async () => {
      let headers = await this.auth.headers();
      let response = await this.send(call, headers);
      if (response.status === 401 && this.auth.unauthorized(headers)) {
        this.logger.debug('Capillary answered 401, renewing the token once', { path: call.path });
        headers = await this.auth.headers();
        response = await this.send(call, headers);
      }
      return this.unwrap(call, response);
    });
  }

  private async send(call: HttpCall, headers: Record<string, string>): Promise<AxiosResponse<unknown>> {
    const limiterWaitMs = await this.rate.acquire();
    return this.exchange(call, limiterWaitMs, () =>
      this.axios.request<unknown>({
        method: call.method,
        url: call.path,
        params: call.query ? withoutUndefined(call.query) : undefined,
        data: call.body,
        headers,
      }),
    );
  }

  /** Every exchange, the token call included, reports its 429s: they all count against one quota. */
  private async exchange(
    call: HttpCall,
    limiterWaitMs: number,
    request: () => Promise<AxiosResponse<unknown>>,
  ): Promise<AxiosResponse<unknown>> {
    const started = performance.now();
    const observe = (outcome: CapillaryOutcome, extra: Partial<CapillaryRequestEvent> = {}) => {
      const durationMs = performance.now() - started;
      this.observe({
        method: call.method,
        endpoint: endpointOf(call.path),
        outcome,
        durationMs,
        limiterWaitMs,
        ...extra,
      });
    };
    let response: AxiosResponse<unknown>;
    try {
      response = await request();
    } catch (error) {
      const mapped = this.transportError(call, error);
      observe(mapped.kind === 'timeout' ? 'timeout' : 'network');
      throw mapped;
    }
    const { status } = response;
    this.logger.debug('Capillary call', {
      method: call.method,
      path: call.path,
      status,
      ms: Math.round(performance.now() - started),
    });
    if (status !== 429) {
      this.rate.succeeded();
      observe(outcomeOf(response), { status });
      return response;
    }
    const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
    const pauseMs = this.rate.throttled(retryAfterMs);
    this.logger.warn('Capillary answered 429: every call of this client pauses', {
      path: call.path,
      retryAfterMs,
      pauseMs,
      perMinute: this.rate.state.perMinute,
    });
    observe('throttled', {
      status,
      throttle: { ...(retryAfterMs === undefined ? {} : { retryAfterMs }), pauseMs },
    });
    return response;
  }

  /** Metrics must never fail a call, so a throwing observer is logged and otherwise ignored. */
  private observe(event: CapillaryRequestEvent): void {
    try {
      this.onRequest(event);
    } catch (error) {
      this.logger.warn('Capillary request observer failed', {
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private unwrap(call: HttpCall, response: AxiosResponse<unknown>): unknown {
    const body = response.data;
    const entry = firstError(body);
    if (response.status >= 200 && response.status < 300 && !entry) {
      return body;
    }
    const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
    const location = optString(response.headers['location']);
    const redirected = response.status >= 300 && response.status < 400 && location !== undefined;
    const error = apiError(
      `${call.method} ${call.path}${redirected ? ` (redirected to ${location}: is CAPILLARY_BASE_URL right?)` : ''}`,
      response.status,
      entry,
      retryAfterMs,
    );
    this.logger.warn('Capillary call failed', describe(error));
    throw error;
  }

  private transportError(call: HttpCall, error: unknown): CapillaryApiError {
    const request = `${call.method} ${call.path}`;
    const code = isAxiosError(error) ? error.code : undefined;
    const timedOut = code === 'ETIMEDOUT' || code === 'ECONNABORTED';
    // The axios message only, never the error itself: its config carries the auth headers.
    const reason = error instanceof Error ? error.message : 'unknown error';
    const mapped = new CapillaryApiError(`${request} ${timedOut ? 'timed out' : 'failed'}: ${reason}`, {
      kind: timedOut ? 'timeout' : 'network',
      retryable: true,
      request,
    });
    this.logger.warn('Capillary call failed', describe(mapped));
    return mapped;
  }

  /** The token call bypasses the limiter and the slots: callers holding slots wait on it. */
  private async generateToken(auth: { key: string; secret: string }): Promise<OAuthToken> {
    const call: HttpCall = { method: 'POST', path: '/v3/oauth/token/generate' };
    const response = await this.exchange(call, 0, () =>
      this.axios.post<unknown>(call.path, { key: auth.key, secret: auth.secret }),
    );
    const body = this.unwrap(call, response);
    const data = isRecord(body) && isRecord(body['data']) ? body['data'] : undefined;
    const accessToken = optString(data?.['accessToken']);
    if (!data || !accessToken) {
      throw new CapillaryApiError('POST /v3/oauth/token/generate returned no accessToken', {
        kind: 'api',
        retryable: false,
        status: response.status,
      });
    }
    return { accessToken, ttlSeconds: optNumber(data['ttlSeconds']) ?? 300 };
  }
}

/** Numeric segments are ids (customers, groups): a bounded label for metrics. */
export function endpointOf(path: string): string {
  return path.replace(/\/\d+(?=\/|$)/g, '/{id}');
}

function outcomeOf(response: AxiosResponse<unknown>): CapillaryOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) {
    return firstError(response.data) ? 'api_error' : 'ok';
  }
  return status >= 400 && status < 500 ? 'client_error' : 'server_error';
}

function firstError(body: unknown): ApiErrorEntry | undefined {
  if (!isRecord(body) || !Array.isArray(body['errors']) || body['errors'].length === 0) {
    return undefined;
  }
  const [first] = body['errors'] as unknown[];
  if (!isRecord(first)) {
    return { message: 'unreadable error entry' };
  }
  return { code: optNumber(first['code']), message: optString(first['message']) ?? 'no message' };
}

function withoutUndefined(query: Query): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
    ),
  );
}

function describe(error: CapillaryApiError): Record<string, unknown> {
  return {
    request: error.request,
    kind: error.kind,
    status: error.status,
    code: error.code,
    retryable: error.retryable,
    message: error.message,
  };
}
