import { createHash } from 'node:crypto';
import type { YearCalendar } from '../../contract/calendar.ts';
import { ReportRequest, type CounterHealth, type Report } from '../../contract/reports.ts';
import { canonicalJson } from '../../domain/canonical-json.ts';
import { computeReport } from '../../domain/reports/figures.ts';
import { workingDaysLate, yearsSpanned } from '../../domain/reports/late-days.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';
import type { Caller } from '../../rpc/caller.ts';
import type { Store } from '../../store/store.ts';
import { reportRecords } from './report-records.ts';

export interface ReportsDeps {
  store: Store;
  settings: Pick<SettingsService, 'get'>;
  /** Other features are asked through the contract: the calendar, the queue, devices, app info. */
  call: Caller;
}

/** The commune's report from the dossiers this PC holds, and this counter's health for IT. */
export class ReportsService {
  constructor(private readonly deps: ReportsDeps) {}

  async report(input: ReportRequest, now: Date = new Date()): Promise<Report> {
    const req = ReportRequest.parse(input);
    const s = this.deps.settings.get();
    const records = reportRecords(this.deps.store, req, {
      counterId: req.scope === 'counter' ? s.agency.counterId : undefined,
      vietQrEnabled: s.payment.enabled,
    });
    const late = records.filter((r) => r.dueAt && r.resolvedAt).map((r) => ({ dueAt: r.dueAt!, resolvedAt: r.resolvedAt! }));
    const years = new Map<number, YearCalendar>();
    for (const year of yearsSpanned(late)) years.set(year, await this.deps.call('calendar.holidays', { year }));
    const figures = computeReport(records, req, (due, resolved) => workingDaysLate(due, resolved, years));
    return {
      figures,
      scope: req.scope,
      source: 'local',
      agencyCode: s.agency.code,
      agencyName: s.agency.name,
      counterId: s.agency.counterId,
      generatedAt: now.toISOString(),
    };
  }

  dossiers(ids: string[]) {
    return { items: this.deps.store.dossiers.summaries(ids) };
  }

  async counterHealth(): Promise<CounterHealth> {
    const s = this.deps.settings.get();
    const [info, queue, devices] = await Promise.all([
      this.deps.call('app.info', {}),
      this.deps.call('queue.status', {}),
      this.deps.call('devices.list', {}),
    ]);
    const waiting = Object.entries(queue.counts).filter(([state]) => state !== 'confirmed').reduce((n, [, c]) => n + c, 0);
    // The fingerprint covers what shapes behaviour and leaves out addresses of people and secrets.
    const shaping = { agency: { code: s.agency.code, counterId: s.agency.counterId }, server: s.server, calendar: s.calendar, dossierStore: s.dossierStore, payment: { enabled: s.payment.enabled } };
    return {
      agencyCode: s.agency.code,
      counterId: s.agency.counterId,
      appVersion: info.version,
      trainingMode: info.trainingMode,
      lastDeliveryAt: queue.lastSuccessAt,
      queueDepth: waiting,
      quarantined: queue.counts.quarantined ?? 0,
      network: queue.network,
      devices: devices.map((d) => ({ kind: d.kind, name: d.name, status: d.status })),
      configFingerprint: createHash('sha256').update(canonicalJson(shaping)).digest('hex').slice(0, 16),
    };
  }
}
