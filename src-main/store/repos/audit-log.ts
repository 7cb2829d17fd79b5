import type Database from 'better-sqlite3';
import { ACTIONS_NEEDING_REASON, type AuditAction } from '../../domain/users/roles.ts';
import { StoreErrors } from '../store-errors.ts';

export interface AuditEntry {
  id: number;
  at: string;
  userId: string | null;
  action: AuditAction;
  /** What was touched, e.g. `dossier:<id>`, `user:<id>`, `backup:<file>`. */
  subject: string;
  reason: string;
  details?: unknown;
}

export interface AuditInput {
  userId?: string | null;
  action: AuditAction;
  subject: string;
  reason?: string;
  details?: unknown;
}

/**
 * Who did what to which record, when and why. Append-only (triggers refuse UPDATE and DELETE).
 * Other areas call `record` whenever they read, print or export personal data; those need a reason.
 */
export class AuditLog {
  private readonly st;

  constructor(db: Database.Database) {
    this.st = {
      insert: db.prepare('INSERT INTO audit_log (at, user_id, action, subject, reason, details) VALUES (?, ?, ?, ?, ?, ?) RETURNING id'),
      list: db.prepare(
        `SELECT * FROM audit_log WHERE (@subject IS NULL OR subject = @subject) AND (@userId IS NULL OR user_id = @userId)
           AND (@action IS NULL OR action = @action) ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      ),
    };
  }

  record(e: AuditInput, now: Date = new Date()): number {
    const reason = (e.reason ?? '').trim();
    if (ACTIONS_NEEDING_REASON.has(e.action) && reason === '') throw StoreErrors.raise('AUDIT_REASON_REQUIRED', { action: e.action });
    const row = this.st.insert.get(
      now.toISOString(),
      e.userId ?? null,
      e.action,
      e.subject,
      reason,
      e.details === undefined ? null : JSON.stringify(e.details),
    ) as { id: number };
    return row.id;
  }

  list(q: { subject?: string; userId?: string; action?: AuditAction; limit?: number; offset?: number } = {}): AuditEntry[] {
    const rows = this.st.list.all({
      subject: q.subject ?? null,
      userId: q.userId ?? null,
      action: q.action ?? null,
      limit: q.limit ?? 100,
      offset: q.offset ?? 0,
    }) as Array<{ id: number; at: string; user_id: string | null; action: AuditAction; subject: string; reason: string; details: string | null }>;
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      action: r.action,
      subject: r.subject,
      reason: r.reason,
      ...(r.details === null ? {} : { details: JSON.parse(r.details) as unknown }),
    }));
  }
}
