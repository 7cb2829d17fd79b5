import { defineErrors } from '../../contract/errors.ts';
import type { Settings } from '../../contract/settings.ts';
import { RestClient } from './adapters/onestop-rest/http-client.ts';
import { readCounterRegistration, writeCounterRegistration, writeNumberingBlock, type CounterRegistration } from '../../store/repos/counter-meta.ts';
import type { Store } from '../../store/store.ts';

export const CounterIdentityErrors = defineErrors({
  COUNTER_IDENTITY_CONFLICT: {
    vi: 'Hệ thống tỉnh báo một máy khác của đơn vị đang dùng cùng mã quầy (hoặc cùng mã phân biệt) với máy này. Tạm ngừng tiếp nhận hồ sơ để không trùng mã hồ sơ. Bộ phận CNTT: đặt cho máy này một mã quầy khác trong Cài đặt › Cơ quan rồi khởi động lại ứng dụng.',
    en: 'The province reports another PC of this agency presenting the same counter ID (or code tag) as this one. Accepting dossiers is paused so that no dossier code is issued twice. IT: give this PC another counter ID in Settings › Agency and restart the app.',
  },
});

export interface CounterIdentityDeps {
  store: Store;
  settings: () => Settings;
  clientSecret: () => string | undefined;
  /** Injected by the Electron shell (proxy, OS certificates) and by tests. */
  fetch?: typeof fetch;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Presents this installation's counter identity (agency, counter ID, installation id and tag) to the
 * province at start-up and then every hour. A refusal is kept in the database, so the counter keeps
 * refusing dossiers after a restart, offline included, until the province accepts the identity (or
 * IT changes the counter ID). An accepted registration also brings the block of official numbers
 * delegated numbering issues from.
 */
export class CounterIdentityService {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly d: CounterIdentityDeps) {}

  current(): CounterRegistration | undefined {
    return readCounterRegistration(this.d.store.db);
  }

  /** Throws COUNTER_IDENTITY_CONFLICT while the province refuses the identity this PC presents now. */
  guard(): void {
    const r = this.current();
    if (!r || r.state !== 'conflict') return;
    const a = this.d.settings().agency;
    if (r.agency === a.code && r.counterId === a.counterId && r.tag === this.d.store.installation.tag) {
      throw CounterIdentityErrors.raise('COUNTER_IDENTITY_CONFLICT', { counterId: r.counterId, reason: r.reason, details: r.details });
    }
  }

  /** One registration; network failures keep the last answer. Returns what is now recorded. */
  async register(signal?: AbortSignal): Promise<CounterRegistration | undefined> {
    const s = this.d.settings();
    if (!s.server.url || !s.agency.code) return this.current();
    const client = new RestClient({ baseUrl: s.server.url, clientId: s.server.clientId, clientSecret: this.d.clientSecret() ?? '', fetch: this.d.fetch, timeoutMs: 15_000 });
    const inst = this.d.store.installation;
    const presented = { agency: s.agency.code, counterId: s.agency.counterId, tag: inst.tag };
    let res;
    try {
      res = await client.call('POST', '/counters/register', {
        body: JSON.stringify({ MaDonVi: presented.agency, MaQuay: presented.counterId, MaCaiDat: inst.id, MaPhanBiet: inst.tag }),
        headers: { 'Content-Type': 'application/json' },
        signal,
      });
    } catch (err) {
      this.d.log?.('counter identity not checked (province unreachable)', { error: String(err) });
      return this.current();
    }
    const at = new Date().toISOString();
    const body = safeJson(res.body);
    if (res.status === 200) {
      const block = (body as { KhoiSo?: { TuSo: number; DenSo: number } | null }).KhoiSo;
      const db = this.d.store.db;
      db.transaction(() => {
        writeCounterRegistration(db, { state: 'ok', ...presented, at });
        writeNumberingBlock(db, block ? { agency: presented.agency, first: block.TuSo, last: block.DenSo } : undefined);
      })();
    } else if (res.status === 409) {
      const e = body as { error_code?: string; details?: unknown };
      writeCounterRegistration(this.d.store.db, { state: 'conflict', ...presented, at, reason: e.error_code, details: e.details });
      this.d.log?.('counter identity refused by the province', { reason: e.error_code });
    } else {
      this.d.log?.('counter identity not checked', { status: res.status });
    }
    return this.current();
  }

  start(everyMs = 3600_000): void {
    void this.register();
    this.timer = setInterval(() => void this.register(), everyMs);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return {};
  }
}
