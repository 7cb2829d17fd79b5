import type { Procedure } from '../../contract/procedures.ts';
import type { ReportRecord } from '../../contract/reports.ts';
import { toReportRecord } from '../../domain/reports/from-dossier.ts';
import type { Store } from '../../store/store.ts';

const DAY_MS = 86_400_000;
const shiftDay = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The dossiers a period's figures can touch: received, resolved or returned in it. Stored times may
 * carry any offset, so the SQL window is a day wider on each side and the domain decides exactly.
 */
export function reportRecords(store: Store, period: { from: string; to: string }, opts: { counterId?: string; vietQrEnabled: boolean }): ReportRecord[] {
  const lo = shiftDay(period.from, -1);
  const hi = shiftDay(period.to, 2);
  const ids = store.db
    .prepare(
      `SELECT id FROM dossiers d
        WHERE (@counter IS NULL OR d.counter_id = @counter)
          AND ((d.received_at >= @lo AND d.received_at < @hi)
            OR EXISTS (SELECT 1 FROM dossier_status_history h
                        WHERE h.dossier_id = d.id AND h.status IN (9, 10) AND h.at >= @lo AND h.at < @hi))
        ORDER BY d.received_at, d.id`,
    )
    .pluck()
    .all({ counter: opts.counterId ?? null, lo, hi }) as string[];
  const procedures = new Map<string, Procedure | undefined>();
  const procedureOf = (code: string): Procedure | undefined => {
    if (!procedures.has(code)) {
      try {
        procedures.set(code, store.procedures.get(code));
      } catch {
        // A procedure dropped from the catalogue still counts; its field shows as unknown.
        procedures.set(code, undefined);
      }
    }
    return procedures.get(code);
  };
  return ids.map((id) => {
    const d = store.dossiers.get(id);
    return toReportRecord(d, procedureOf(d.procedureCode), { vietQrEnabled: opts.vietQrEnabled, waitSeconds: null, handleSeconds: null });
  });
}
