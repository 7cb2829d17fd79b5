import type Database from 'better-sqlite3';
import { Procedure, type ProcedureInput } from '../../domain/procedure/procedure.ts';
import { StoreErrors } from '../store-errors.ts';

export interface ProcedureSummary {
  code: string;
  name: string;
  fieldName: string;
  sample: boolean;
  active: boolean;
}

/** The procedure catalogue; each procedure is stored whole as validated JSON, keyed by national code. */
export class ProcedureRepository {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    this.st = {
      upsert: db.prepare(`INSERT INTO procedures (code, name, field_name, data, sample, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (code) DO UPDATE SET name = excluded.name, field_name = excluded.field_name, data = excluded.data,
          sample = excluded.sample, active = excluded.active, updated_at = excluded.updated_at`),
      get: db.prepare('SELECT data FROM procedures WHERE code = ?'),
      list: db.prepare(
        `SELECT code, name, field_name, sample, active FROM procedures
         WHERE (@activeOnly = 0 OR active = 1) AND (@field IS NULL OR field_name = @field) ORDER BY field_name, name`,
      ),
      count: db.prepare('SELECT count(*) AS n FROM procedures'),
    };
  }

  upsert(input: ProcedureInput, now: Date = new Date()): Procedure {
    const p = Procedure.parse(input);
    this.st.upsert.run(p.code, p.name, p.field.name, JSON.stringify(p), p.sample ? 1 : 0, p.active ? 1 : 0, now.toISOString());
    return p;
  }

  /** Writes many procedures in one transaction (a catalogue import). */
  upsertMany(list: ProcedureInput[]): number {
    return this.db.transaction(() => list.map((p) => this.upsert(p)).length)();
  }

  get(code: string): Procedure {
    const row = this.st.get.get(code) as { data: string } | undefined;
    if (!row) throw StoreErrors.raise('PROCEDURE_NOT_FOUND', { code });
    return Procedure.parse(JSON.parse(row.data));
  }

  list(opts: { activeOnly?: boolean; field?: string } = {}): ProcedureSummary[] {
    const rows = this.st.list.all({ activeOnly: opts.activeOnly === false ? 0 : 1, field: opts.field ?? null }) as Array<{
      code: string;
      name: string;
      field_name: string;
      sample: number;
      active: number;
    }>;
    return rows.map((r) => ({ code: r.code, name: r.name, fieldName: r.field_name, sample: r.sample === 1, active: r.active === 1 }));
  }

  count(): number {
    return (this.st.count.get() as { n: number }).n;
  }
}
