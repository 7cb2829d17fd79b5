import type { Handlers } from '../rpc/handlers.ts';
import type { AuditLog } from '../store/repos/audit-log.ts';


/**
 * Decree 13/2023 asks who saw whose data: a list, a search result or a queue export shows names
 * and ID numbers as much as opening one dossier does. Each such call leaves one audit row naming
 * the dossiers shown (their ids, never the names, ID numbers or the search words). Wraps whichever
 * of these methods the given handlers answer; the others pass through unchanged.
 */
export function auditedListings<H extends Partial<Handlers>>(handlers: H, audit: AuditLog): H {
  const out: Partial<Handlers> = { ...handlers };
  const list = handlers['dossiers.list'];
  const search = handlers['dossiers.search'];
  const exportQueue = handlers['queue.export'];
  const rows = (ctx: { userId?: string }, subject: string, action: 'read' | 'export', reason: string, details: Record<string, unknown>) =>
    audit.record({ userId: ctx.userId, action, subject, reason, details });
  if (list) {
    out['dossiers.list'] = async (input, ctx) => {
      const r = await list(input, ctx);
      rows(ctx, 'dossiers:list', 'read', 'Xem danh sách hồ sơ / dossier list', { dossierIds: r.items.map((d) => d.id), status: input.status });
      return r;
    };
  }
  if (search) {
    out['dossiers.search'] = async (input, ctx) => {
      const r = await search(input, ctx);
      rows(ctx, 'dossiers:search', 'read', 'Tra cứu hồ sơ / dossier search', { dossierIds: r.items.map((d) => d.id), queryLength: input.query.length });
      return r;
    };
  }
  if (exportQueue) {
    out['queue.export'] = async (input, ctx) => {
      const r = await exportQueue(input, ctx);
      rows(ctx, 'queue:export', 'export', 'Xuất hàng đợi gửi hồ sơ cho CNTT / queue export for IT', { dossierIds: r.items.map((d) => d.dossierId) });
      return r;
    };
  }
  return out as H;
}

