import type Database from 'better-sqlite3';
import type { EventBus } from '../../rpc/event-bus.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import { CounterError } from '../../contract/errors.ts';
import type { CardCheck, CheckIn } from '../../contract/health.ts';
import type { Identity } from '../../contract/identity.ts';
import type { ReadSource } from '../../contract/idread.ts';
import { parseAny } from '../../domain/identity/parse-any.ts';
import { toVnPartialDate } from '../../domain/identity/dates.ts';
import { vnDay } from '../../domain/vn-date.ts';
import { HealthRepository } from './health-repo.ts';
import { AuditLog } from '../../store/repos/audit-log.ts';
import { checkCard } from './health-card-check.ts';
import { HealthErrors } from '../../contract/health.ts';

type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface HealthDeps {
  db: Database.Database;
  bus: EventBus;
  settings: SettingsService;
  log: Log;
  now?: () => Date;
}

/** The day in Vietnam decides when numbering starts again at 1, whatever zone the server runs in. */
export const localDay = vnDay;

/**
 * Health-station check-in: a queue number that never repeats within the day, and the BHYT card
 * checked online — or, when the service is unreachable, recorded as pending and checked later.
 */
export class HealthService {
  private readonly repo: HealthRepository;
  private readonly audit: AuditLog;
  private timer: ReturnType<typeof setInterval> | undefined;
  private rechecking: Promise<{ checked: number; stillPending: number }> | undefined;

  constructor(private readonly d: HealthDeps) {
    this.repo = new HealthRepository(d.db);
    this.audit = new AuditLog(d.db);
  }

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  async checkIn(input: { identity?: Identity; text?: string; source: ReadSource }, userId?: string): Promise<CheckIn> {
    const identity = input.identity ?? (input.text ? parseAny(input.text) : undefined);
    if (!identity) throw HealthErrors.raise('HEALTH_NOTHING_TO_CHECK_IN');
    const lookupNumber = identity.insurance?.cardNumber ?? identity.idNumber;
    const card: CardCheck = { status: lookupNumber ? 'pending' : 'not-applicable', attempts: 0 };
    const now = this.now();
    const { repeat, ...saved } = this.repo.add(localDay(now), now.toISOString(), input.source, identity, lookupNumber, card);
    this.d.log('info', 'health check-in', { checkIn: saved.id, queueNumber: saved.queueNumber, kind: identity.kind, repeat: repeat === true });
    // Card data now sits in the station's records: who took it in, from which device, is audited.
    this.audit.record({
      userId: userId ?? null,
      action: 'read',
      subject: `health-checkin:${saved.id}`,
      reason: 'Tiếp đón người bệnh tại trạm y tế',
      details: { kind: identity.kind, device: input.source.deviceId },
    });
    this.d.bus.emit('health.changed', saved);
    return saved.card.status === 'pending' ? await this.verify(saved) : saved;
  }

  today(day?: string): CheckIn[] {
    return this.repo.ofDay(day ?? localDay(this.now()));
  }

  /** Retries every pending card check; one run at a time. */
  recheck(): Promise<{ checked: number; stillPending: number }> {
    this.rechecking ??= (async () => {
      let checked = 0;
      let stillPending = 0;
      for (const c of this.repo.pending()) {
        const after = await this.verify(c);
        if (after.card.status === 'pending') stillPending++;
        else checked++;
      }
      return { checked, stillPending };
    })().finally(() => {
      this.rechecking = undefined;
    });
    return this.rechecking;
  }

  start(): void {
    const every = this.d.settings.get().health.recheckEveryMs;
    this.timer = setInterval(() => void this.recheck(), every);
    this.timer.unref?.();
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async verify(c: CheckIn): Promise<CheckIn> {
    const cfg = this.d.settings.get().health;
    const id = c.identity;
    let card: CardCheck;
    try {
      card = await checkCard(cfg.cardCheckUrl, { maThe: c.lookupNumber ?? '', hoTen: id.fullName ?? '', ngaySinh: toVnPartialDate(id.dateOfBirth ?? '') }, cfg.cardCheckTimeoutMs, localDay(this.now()));
      card.attempts = c.card.attempts + 1;
    } catch (err) {
      const code = err instanceof CounterError ? err.code : 'INTERNAL';
      const message = err instanceof CounterError ? err.messages.vi : undefined;
      card = { ...c.card, status: 'pending', resultCode: code, message, attempts: c.card.attempts + 1 };
      this.d.log('warn', 'card check deferred', { checkIn: c.id, code });
    }
    const updated = this.repo.updateCard(c.id, card) ?? c;
    if (card.status !== 'pending') this.d.log('info', 'card checked', { checkIn: c.id, status: card.status, resultCode: card.resultCode });
    this.d.bus.emit('health.changed', updated);
    return updated;
  }
}
