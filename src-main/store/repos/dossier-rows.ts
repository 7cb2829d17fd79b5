import type Database from 'better-sqlite3';
import type { Dossier, DossierComponent, IssuedForm, StatusEntry } from '../../domain/dossier/dossier.ts';

/** Row ⇄ aggregate mapping for dossiers, kept apart from the repository's behaviour. */
interface DossierRow {
  id: string;
  provisional_code: string | null;
  official_code: string | null;
  agency_code: string;
  counter_id: string;
  procedure_code: string;
  procedure_name: string;
  channel: Dossier['channel'];
  applicant: string;
  owner: string | null;
  summary: string;
  status: number;
  received_at: string;
  due_at: string | null;
  due_reasoning: string | null;
  accepted_by: string | null;
  province_confirmed_at: string | null;
}

export function dossierStatements(db: Database.Database) {
  return {
    insert: db.prepare(`INSERT INTO dossiers (id, provisional_code, official_code, agency_code, counter_id, procedure_code, procedure_name,
        channel, applicant, applicant_name, applicant_id_number, owner, summary, status, received_at, due_at, due_reasoning,
        accepted_by, updated_at)
      VALUES (@id, @provisionalCode, @officialCode, @agencyCode, @counterId, @procedureCode, @procedureName, @channel, @applicant,
        @applicantName, @applicantIdNumber, @owner, @summary, @status, @receivedAt, @dueAt, @dueReasoning, @acceptedBy, @updatedAt)`),
    insertComponent: db.prepare(`INSERT INTO dossier_components (id, dossier_id, position, code, name, originals, certified_copies, photocopies)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertPage: db.prepare('INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES (?, ?, ?, ?, ?)'),
    insertStatus: db.prepare('INSERT INTO dossier_status_history (dossier_id, status, at, by_user, note) VALUES (?, ?, ?, ?, ?)'),
    deleteHistory: db.prepare('DELETE FROM dossier_status_history WHERE dossier_id = ?'),
    insertForm: db.prepare('INSERT INTO dossier_forms (dossier_id, form, sha256, issued_at, by_user) VALUES (?, ?, ?, ?, ?)'),
    byId: db.prepare('SELECT * FROM dossiers WHERE id = ?'),
    byCode: db.prepare('SELECT * FROM dossiers WHERE official_code = ? OR provisional_code = ?'),
    components: db.prepare('SELECT * FROM dossier_components WHERE dossier_id = ? ORDER BY position'),
    pages: db.prepare(
      `SELECT p.* FROM dossier_pages p JOIN dossier_components c ON c.id = p.component_id WHERE c.dossier_id = ? ORDER BY p.page_no`,
    ),
    history: db.prepare('SELECT status, at, by_user, note FROM dossier_status_history WHERE dossier_id = ? ORDER BY id'),
    forms: db.prepare('SELECT form, sha256, issued_at, by_user FROM dossier_forms WHERE dossier_id = ? ORDER BY id'),
    setOfficial: db.prepare('UPDATE dossiers SET official_code = ?, updated_at = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE dossiers SET status = ?, updated_at = ? WHERE id = ?'),
    setConfirmed: db.prepare('UPDATE dossiers SET province_confirmed_at = ?, updated_at = ? WHERE id = ? AND province_confirmed_at IS NULL'),
    delete: db.prepare('DELETE FROM dossiers WHERE id = ?'),
  };
}
export type DossierStatements = ReturnType<typeof dossierStatements>;

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Reads one whole dossier (aggregate) by its row. */
export function loadDossier(st: DossierStatements, row: DossierRow): Dossier {
  const pagesByComponent = new Map<string, DossierComponent['pages']>();
  for (const p of st.pages.all(row.id) as Array<{ component_id: string; page_no: number; sha256: string; size: number; mime: string }>) {
    const list = pagesByComponent.get(p.component_id) ?? [];
    list.push({ pageNo: p.page_no, sha256: p.sha256, size: p.size, mime: p.mime });
    pagesByComponent.set(p.component_id, list);
  }
  const components = (st.components.all(row.id) as Array<Record<string, unknown>>).map(
    (c): DossierComponent => ({
      id: c.id as string,
      code: c.code as string,
      name: c.name as string,
      originals: c.originals as number,
      certifiedCopies: c.certified_copies as number,
      photocopies: c.photocopies as number,
      pages: pagesByComponent.get(c.id as string) ?? [],
    }),
  );
  const statusHistory = (st.history.all(row.id) as Array<{ status: number; at: string; by_user: string | null; note: string | null }>).map(
    (h): StatusEntry => ({ status: h.status, at: h.at, by: opt(h.by_user), note: opt(h.note) }),
  );
  const forms = (st.forms.all(row.id) as Array<{ form: string; sha256: string; issued_at: string; by_user: string | null }>).map(
    (f): IssuedForm => ({ form: f.form, sha256: f.sha256, issuedAt: f.issued_at, by: opt(f.by_user) }),
  );
  return {
    id: row.id,
    provisionalCode: row.provisional_code,
    officialCode: row.official_code,
    agencyCode: row.agency_code,
    counterId: row.counter_id,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    channel: row.channel,
    applicant: JSON.parse(row.applicant) as Dossier['applicant'],
    owner: row.owner ? (JSON.parse(row.owner) as Dossier['applicant']) : null,
    summary: row.summary,
    status: row.status,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    dueReasoning: row.due_reasoning ? (JSON.parse(row.due_reasoning) as unknown) : undefined,
    acceptedBy: row.accepted_by,
    provinceConfirmedAt: row.province_confirmed_at,
    components,
    statusHistory,
    forms,
  };
}

export type { DossierRow };
