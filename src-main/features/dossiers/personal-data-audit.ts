import type { Handlers } from '../../rpc/handlers.ts';
import type { AuditLog } from '../../store/repos/audit-log.ts';

/**
 * Decree 13/2023 asks who saw whose data: a list, a search result or a queue export shows names
 * and ID numbers as much as opening one dossier does. Each such call leaves one audit row naming
 * the dossiers shown (their ids, never the names, ID numbers or the search words).
 */
export function auditPersonalDataLists(handlers: Handlers, audit: AuditLog): void {
  const list = handlers['dossiers.list'];
  const search = handlers['dossiers.search'];
  const exportQueue = handlers['queue.export'];
  handlers['dossiers.list'] = async (input, ctx) => {
    const out = await list(input, ctx);
    audit.record({ userId: ctx.userId, action: 'read', subject: 'dossiers:list', reason: 'Xem danh sách hồ sơ / dossier list', details: { dossierIds: out.items.map((d) => d.id), status: input.status } });
    return out;
  };
  handlers['dossiers.search'] = async (input, ctx) => {
    const out = await search(input, ctx);
    audit.record({ userId: ctx.userId, action: 'read', subject: 'dossiers:search', reason: 'Tra cứu hồ sơ / dossier search', details: { dossierIds: out.items.map((d) => d.id), queryLength: input.query.length } });
    return out;
  };
  handlers['queue.export'] = async (input, ctx) => {
    const out = await exportQueue(input, ctx);
    audit.record({ userId: ctx.userId, action: 'export', subject: 'queue:export', reason: 'Xuất hàng đợi gửi hồ sơ cho CNTT / queue export for IT', details: { dossierIds: out.items.map((d) => d.dossierId) } });
    return out;
  };
}
