import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import { DossierDraft, type Dossier, type DossierDraft as DraftInput, type StatusEntry, applicantName } from '../../domain/dossier/dossier.ts';
import { canMoveTo, isStatusCode } from '../../domain/dossier/status.ts';
import {
  COUNTER_ID,
  formatOfficialCode,
  formatProvisionalCode,
  isAgencyCode,
  parseOfficialCode,
  vnDay,
} from '../../domain/codes/dossier-code.ts';
import type { BlobStore } from '../blobs/blob-store.ts';
import { StoreErrors } from '../store-errors.ts';
import { nextSequence, officialScope, provisionalScope } from './code-sequence.ts';
import { readNumberingBlock } from './counter-meta.ts';
import { dossierStatements, loadDossier, type DossierRow } from './dossier-rows.ts';
import type { SearchIndex } from './search-index.ts';

/** Called inside the accept transaction: whatever it writes commits with the dossier or not at all. */
export type AcceptHook = (tx: Database.Database, dossier: Dossier) => void;
/** Called inside the transaction that changes a dossier's status or official code. */
export type ChangeHook = (tx: Database.Database, dossier: Dossier, change: DossierChange) => void;
export type DossierChange =
  | { kind: 'status'; from: number; to: number }
  | { kind: 'official-code'; code: string }
  | { kind: 'form'; form: string; sha256: string }
  | { kind: 'province-confirmed'; at: string }
  /** The history was rewritten from the province's (a merge, not a move made here). */
  | { kind: 'history'; from: number; to: number };

/** Who this counter is, read at each accept (settings can change while the app runs). */
export interface AgencyIdentity {
  code: string;
  counterId: string;
  /** The province lets this counter mint official codes itself (per-agency daily sequence). */
  delegatedNumbering?: boolean;
}

export interface DossierSummary {
  id: string;
  code: string;
  provisional: boolean;
  applicantName: string;
  applicantIdNumber: string | null;
  procedureCode: string;
  procedureName: string;
  status: number;
  receivedAt: string;
  dueAt: string | null;
}

export class DossierRepository {
  private readonly st;
  private readonly acceptHooks: AcceptHook[] = [];
  private readonly changeHooks: ChangeHook[] = [];
  private readonly acceptGuards: Array<() => void> = [];
  private readonly listPage;
  private readonly countAll;
  private readonly summariesByIds;

  constructor(
    private readonly db: Database.Database,
    private readonly blobs: BlobStore,
    private readonly search: SearchIndex,
    private readonly agency: () => AgencyIdentity,
    /** This installation's tag, part of every provisional code (see domain/codes/installation-tag.ts). */
    private readonly installationTag?: string,
  ) {
    this.st = dossierStatements(db);
    this.listPage = db.prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE (@status IS NULL OR status = @status)
       ORDER BY received_at DESC, id LIMIT @limit OFFSET @offset`,
    );
    this.countAll = db.prepare('SELECT count(*) AS n FROM dossiers WHERE (@status IS NULL OR status = @status)');
    this.summariesByIds = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM dossiers WHERE id IN (SELECT value FROM json_each(?))`);
  }

  /**
   * Registers a check run before every accept (disk space, a counter identity the province refused):
   * it throws a coded error to refuse the dossier before anything is written.
   */
  guardAccept(guard: () => void): () => void {
    this.acceptGuards.push(guard);
    return () => void this.acceptGuards.splice(this.acceptGuards.indexOf(guard), 1);
  }

  /** Registers a hook run inside every accept transaction; returns a function that removes it. */
  onAccept(hook: AcceptHook): () => void {
    this.acceptHooks.push(hook);
    return () => void this.acceptHooks.splice(this.acceptHooks.indexOf(hook), 1);
  }

  onChange(hook: ChangeHook): () => void {
    this.changeHooks.push(hook);
    return () => void this.changeHooks.splice(this.changeHooks.indexOf(hook), 1);
  }

  /**
   * Accepts a dossier in one transaction: code, rows, history (1 → 2), search index and every accept
   * hook. When this returns, the dossier is on disk (synchronous=FULL); if it throws, nothing is.
   */
  accept(input: DraftInput, now: Date = new Date()): Dossier {
    const draft = parseDraft(input);
    const agency = this.agency();
    if (!agency.code) throw StoreErrors.raise('AGENCY_CODE_MISSING');
    if (!isAgencyCode(agency.code)) throw StoreErrors.raise('AGENCY_CODE_INVALID', { code: agency.code });
    if (!COUNTER_ID.test(agency.counterId)) throw StoreErrors.raise('COUNTER_ID_INVALID', { counterId: agency.counterId });
    for (const guard of this.acceptGuards) guard();
    for (const c of draft.components) {
      for (const p of c.pages) if (!this.blobs.has(p.sha256)) throw StoreErrors.raise('DOSSIER_PAGE_MISSING', { component: c.name, pageNo: p.pageNo });
    }
    const nowIso = now.toISOString();
    const receivedAt = draft.receivedAt ?? nowIso;
    const day = vnDay(new Date(receivedAt));

    return this.db
      .transaction((): Dossier => {
        let provisionalCode: string | null = null;
        let officialCode: string | null = null;
        // Delegated numbering draws from the block of official numbers the province gave this
        // installation; without one (never registered, or used up today) the code is provisional,
        // since another PC with its own database could be issuing the same official numbers.
        const official = agency.delegatedNumbering ? this.nextOfficialNumber(agency.code, day) : undefined;
        if (official !== undefined) {
          officialCode = formatOfficialCode({ agency: agency.code, day, sequence: official });
        } else {
          const sequence = nextSequence(this.db, provisionalScope(agency.code, agency.counterId), day);
          provisionalCode = formatProvisionalCode({ agency: agency.code, day, counterId: agency.counterId, installationTag: this.installationTag, sequence });
        }
        const dossier: Dossier = {
          id: randomUUID(),
          provisionalCode,
          officialCode,
          agencyCode: agency.code,
          counterId: agency.counterId,
          procedureCode: draft.procedureCode,
          procedureName: draft.procedureName,
          channel: draft.channel,
          applicant: draft.applicant,
          owner: draft.owner ?? null,
          summary: draft.summary,
          status: 2,
          receivedAt,
          dueAt: draft.appointment?.dueAt ?? null,
          dueReasoning: draft.appointment?.reasoning,
          acceptedBy: draft.acceptedBy ?? null,
          provinceConfirmedAt: null,
          components: draft.components.map((c) => ({ ...c, id: randomUUID() })),
          statusHistory: [
            { status: 1, at: receivedAt, by: draft.acceptedBy },
            { status: 2, at: nowIso, by: draft.acceptedBy },
          ],
          forms: [],
        };
        this.st.insert.run({
          id: dossier.id,
          provisionalCode,
          officialCode,
          agencyCode: dossier.agencyCode,
          counterId: dossier.counterId,
          procedureCode: dossier.procedureCode,
          procedureName: dossier.procedureName,
          channel: dossier.channel,
          applicant: JSON.stringify(dossier.applicant),
          applicantName: applicantName(dossier),
          applicantIdNumber: dossier.applicant.identity.idNumber ?? null,
          owner: dossier.owner ? JSON.stringify(dossier.owner) : null,
          summary: dossier.summary,
          status: dossier.status,
          receivedAt,
          dueAt: dossier.dueAt,
          dueReasoning: dossier.dueReasoning === undefined ? null : JSON.stringify(dossier.dueReasoning),
          acceptedBy: dossier.acceptedBy,
          updatedAt: nowIso,
        });
        dossier.components.forEach((c, i) => {
          this.st.insertComponent.run(c.id, dossier.id, i + 1, c.code, c.name, c.originals, c.certifiedCopies, c.photocopies);
          for (const p of c.pages) this.st.insertPage.run(c.id, p.pageNo, p.sha256, p.size, p.mime);
        });
        for (const h of dossier.statusHistory) this.st.insertStatus.run(dossier.id, h.status, h.at, h.by ?? null, h.note ?? null);
        this.search.indexDossier(dossier);
        for (const hook of this.acceptHooks) hook(this.db, dossier);
        return dossier;
      })
      .immediate();
  }

  /** The next official number of this installation's block for the day, or undefined when none is left. */
  private nextOfficialNumber(agencyCode: string, day: string): number | undefined {
    const block = readNumberingBlock(this.db);
    if (!block || block.agency !== agencyCode) return undefined;
    const size = block.last - block.first + 1;
    // One daily sequence per agency in this database, whatever the block: no number is issued twice here.
    const n = nextSequence(this.db, officialScope(agencyCode), day);
    return n <= size && block.first + n - 1 <= 9999 ? block.first + n - 1 : undefined;
  }

  get(id: string): Dossier {
    const row = this.st.byId.get(id) as DossierRow | undefined;
    if (!row) throw StoreErrors.raise('DOSSIER_NOT_FOUND', { id });
    return loadDossier(this.st, row);
  }

  find(id: string): Dossier | undefined {
    const row = this.st.byId.get(id) as DossierRow | undefined;
    return row ? loadDossier(this.st, row) : undefined;
  }

  getByCode(code: string): Dossier {
    const row = this.st.byCode.get(code.trim(), code.trim()) as DossierRow | undefined;
    if (!row) throw StoreErrors.raise('DOSSIER_NOT_FOUND', { code });
    return loadDossier(this.st, row);
  }

  list(opts: { status?: number; limit: number; offset: number }): { total: number; items: DossierSummary[] } {
    const params = { status: opts.status ?? null, limit: opts.limit, offset: opts.offset };
    const total = (this.countAll.get(params) as { n: number }).n;
    return { total, items: (this.listPage.all(params) as SummaryRow[]).map(toSummary) };
  }

  /** Summaries for ids, in the order given (search results keep their rank). */
  summaries(ids: string[]): DossierSummary[] {
    const byId = new Map((this.summariesByIds.all(JSON.stringify(ids)) as SummaryRow[]).map((r) => [r.id, toSummary(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Stores the official code the provincial system issued; the provisional one stays for lookup. */
  setOfficialCode(id: string, code: string, now: Date = new Date()): Dossier {
    if (!parseOfficialCode(code)) throw StoreErrors.raise('DOSSIER_CODE_INVALID', { code });
    return this.change(id, (before) => {
      if (before.officialCode === code) return undefined;
      try {
        this.st.setOfficial.run(code, now.toISOString(), id);
      } catch (err) {
        if (String(err).includes('UNIQUE')) throw StoreErrors.raise('DOSSIER_CODE_CONFLICT', { code });
        throw err;
      }
      return { kind: 'official-code', code };
    });
  }

  changeStatus(id: string, to: number, by?: string, note?: string, now: Date = new Date()): Dossier {
    return this.change(id, (before) => {
      if (!canMoveTo(before.status, to)) throw StoreErrors.raise('DOSSIER_STATUS_INVALID', { from: before.status, to });
      this.st.setStatus.run(to, now.toISOString(), id);
      this.st.insertStatus.run(id, to, now.toISOString(), by ?? null, note ?? null);
      return { kind: 'status', from: before.status, to };
    });
  }

  /**
   * Replaces the whole status history (the province's merged in) and makes its last entry the current
   * status. No move check: the history records what happened, wherever it happened.
   */
  replaceHistory(id: string, history: readonly StatusEntry[], now: Date = new Date()): Dossier {
    const last = history[history.length - 1];
    if (!last || history.some((h) => !isStatusCode(h.status))) throw StoreErrors.raise('DOSSIER_STATUS_INVALID', { history: history.map((h) => h.status) });
    return this.change(id, (before) => {
      this.st.deleteHistory.run(id);
      for (const h of history) this.st.insertStatus.run(id, h.status, h.at, h.by ?? null, h.note ?? null);
      this.st.setStatus.run(last.status, now.toISOString(), id);
      return { kind: 'history', from: before.status, to: last.status };
    });
  }

  recordForm(id: string, form: string, sha256: string, by?: string, now: Date = new Date()): Dossier {
    return this.change(id, () => {
      this.st.insertForm.run(id, form, sha256, now.toISOString(), by ?? null);
      return { kind: 'form', form, sha256 };
    });
  }

  /** The province has the dossier; from this moment the retention period runs. */
  markProvinceConfirmed(id: string, at: Date = new Date()): Dossier {
    return this.change(id, () => {
      this.st.setConfirmed.run(at.toISOString(), at.toISOString(), id);
      return { kind: 'province-confirmed', at: at.toISOString() };
    });
  }

  /** Removes a dossier and its index rows (used by the retention purge only). */
  deleteWithinTransaction(id: string): void {
    this.search.removeDossier(id);
    this.st.delete.run(id);
  }

  private change(id: string, apply: (before: Dossier) => DossierChange | undefined): Dossier {
    return this.db
      .transaction((): Dossier => {
        const before = this.get(id);
        const change = apply(before);
        const after = this.get(id);
        if (change) {
          if (change.kind === 'official-code') this.search.indexDossier(after);
          for (const hook of this.changeHooks) hook(this.db, after, change);
        }
        return after;
      })
      .immediate();
  }
}

const SUMMARY_COLUMNS = `id, provisional_code, official_code, applicant_name, applicant_id_number, procedure_code, procedure_name,
  status, received_at, due_at`;

interface SummaryRow {
  id: string;
  provisional_code: string | null;
  official_code: string | null;
  applicant_name: string;
  applicant_id_number: string | null;
  procedure_code: string;
  procedure_name: string;
  status: number;
  received_at: string;
  due_at: string | null;
}

function toSummary(r: SummaryRow): DossierSummary {
  return {
    id: r.id,
    code: r.official_code ?? r.provisional_code ?? '',
    provisional: r.official_code === null,
    applicantName: r.applicant_name,
    applicantIdNumber: r.applicant_id_number,
    procedureCode: r.procedure_code,
    procedureName: r.procedure_name,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at,
  };
}

function parseDraft(input: DraftInput) {
  try {
    return DossierDraft.parse(input);
  } catch (err) {
    if (err instanceof ZodError) {
      throw StoreErrors.raise('DOSSIER_INVALID', { issues: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
    throw err;
  }
}

