import { DeliveryError } from '../../adapter.ts';
import { ServerError, TokenResponse } from './wire.ts';
import { httpFetch, type FetchLike } from '../../../../platform/http.ts';

export interface RestClientOptions {
  /** Base URL of the contract, e.g. http://127.0.0.1:8790/onestop/v1 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Injected in tests (to validate every exchange against openapi.yaml). */
  fetch?: typeof fetch;
  /** Per-request time limit for JSON calls. */
  timeoutMs?: number;
}

export interface RestResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  json(): unknown;
}

/**
 * HTTP to the one-stop server with an OAuth2 client-credentials token (LGSP pattern): cached until
 * shortly before it expires, fetched again once when the server says it is no longer valid.
 */
export class RestClient {
  private token: { value: string; until: number } | undefined;
  private tokenPending: Promise<string> | undefined;
  private readonly doFetch: FetchLike;

  constructor(private readonly opts: RestClientOptions) {
    this.doFetch = opts.fetch ?? httpFetch;
  }

  get baseUrl(): string {
    return this.opts.baseUrl.replace(/\/+$/, '');
  }

  async raw(method: string, path: string, init: { body?: Buffer | string; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal }): Promise<RestResponse> {
    const signals = [AbortSignal.timeout(init.timeoutMs ?? this.opts.timeoutMs ?? 30_000)];
    if (init.signal) signals.push(init.signal);
    let res: Response;
    try {
      res = await this.doFetch(`${this.baseUrl}${path}`, {
        method,
        headers: init.headers,
        body: init.body as BodyInit | undefined,
        signal: AbortSignal.any(signals),
      });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) as unknown };
    } catch (err) {
      if (init.signal?.aborted) throw new DeliveryError('transient', 'CANCELLED', 'Đã dừng gửi.');
      const timeout = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new DeliveryError('transient', timeout ? 'TIMEOUT' : 'NETWORK', timeout ? 'Máy chủ không trả lời kịp.' : `Mất kết nối tới máy chủ (${errorCause(err)}).`);
    }
  }

  /**
   * An authenticated call; a 401 gets one fresh token and one more try. A token refused twice is
   * dropped as well, so the next attempt starts with fresh credentials again.
   */
  async call(method: string, path: string, init: { body?: Buffer | string; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RestResponse> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(init.signal);
      const res = await this.raw(method, path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
      if (res.status === 401 && this.token?.value === token) this.token = undefined;
      if (res.status !== 401 || attempt > 0) return res;
    }
  }

  private accessToken(signal?: AbortSignal): Promise<string> {
    if (this.token && this.token.until > Date.now()) return Promise.resolve(this.token.value);
    this.tokenPending ??= this.fetchToken(signal).finally(() => (this.tokenPending = undefined));
    return this.tokenPending;
  }

  private async fetchToken(signal?: AbortSignal): Promise<string> {
    const basic = Buffer.from(`${this.opts.clientId}:${this.opts.clientSecret}`).toString('base64');
    const res = await this.raw('POST', '/token', {
      body: 'grant_type=client_credentials',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      signal,
    });
    if (res.status === 401 || res.status === 400) {
      throw new DeliveryError('auth', 'AUTH_REJECTED', serverReason(res) ?? 'Máy chủ từ chối thông tin đăng nhập của ứng dụng.', res.status);
    }
    if (res.status !== 200) throw failure(res);
    const t = TokenResponse.parse(res.json());
    // Renew a little early so a token never expires between being read and being used.
    this.token = { value: t.access_token, until: Date.now() + Math.max(1, t.expires_in - 30) * 1000 };
    return t.access_token;
  }
}

function errorCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

export function serverReason(res: RestResponse): string | undefined {
  try {
    const parsed = ServerError.safeParse(res.json());
    return parsed.success ? parsed.data.message : undefined;
  } catch {
    return undefined;
  }
}

function serverCode(res: RestResponse): string | undefined {
  try {
    const parsed = ServerError.safeParse(res.json());
    return parsed.success ? parsed.data.error_code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sorts a failed response into transient (retry later), auth (stop and ask IT) or permanent
 * (quarantine with the server's reason; resending the same thing would fail the same way).
 */
export function failure(res: RestResponse): DeliveryError {
  const code = serverCode(res) ?? `HTTP_${res.status}`;
  const reason = serverReason(res) ?? `Máy chủ trả lỗi HTTP ${res.status}.`;
  // A freshly issued token refused again is the server's trouble, not the counter's credentials (those
  // were just accepted at /token): retried with backoff and a fresh token, shown as TOKEN_REFUSED.
  if (res.status === 401 && code === 'invalid_token') return new DeliveryError('transient', 'TOKEN_REFUSED', reason, res.status);
  if (res.status === 401 || res.status === 403) return new DeliveryError('auth', code, reason, res.status);
  if (res.status >= 500 || res.status === 408 || res.status === 429 || res.status === 409) {
    const header = res.headers.get('retry-after');
    const after = header === null ? NaN : Number(header);
    return new DeliveryError('transient', code, reason, res.status, Number.isFinite(after) && after >= 0 ? after * 1000 : undefined);
  }
  if (res.status >= 400) return new DeliveryError('permanent', code, reason, res.status);
  return new DeliveryError('transient', code, `Trả lời không mong đợi (HTTP ${res.status}).`, res.status);
}
