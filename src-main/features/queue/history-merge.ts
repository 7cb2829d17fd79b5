import type { StatusEntry } from '../../domain/dossier/dossier.ts';
import type { RemoteState } from './adapter.ts';
import { parsePortalDate, toPortalDate } from '../../domain/dossier/portal-date.ts';

export const PROVINCE_ACTOR = 'Hệ thống một cửa tỉnh';

/** An event's identity as both sides record it: the status and its second in Vietnam time. */
const identity = (status: number, portalAt: string) => `${status}@${portalAt}`;

/**
 * The local status history with the province's merged in, or undefined when nothing changes.
 *
 * The province's history is replayed never; it is matched. Everything up to the local acceptance (1, 2)
 * stays as it is (the province starts with its own acceptance record, 2). Each later province event is
 * the local entry with the same identity (the counter's own update coming back) or else a move made at
 * the province, taken over with its time. Local entries the province does not list yet — not delivered,
 * or delivered after the province's answer was written — follow in their own order, so the last of them
 * stays the current status until the province answers it. Once everything is delivered the local
 * history after acceptance equals the province's.
 */
export function mergeHistory(local: readonly StatusEntry[], remote: RemoteState['progress']): StatusEntry[] | undefined {
  const accepted = local.findIndex((h) => h.status === 2);
  if (accepted < 0) return undefined;
  const prefix = local.slice(0, accepted + 1);
  const rest = local.slice(accepted + 1);
  let start = 0;
  while (start < remote.length && (remote[start] as RemoteState['progress'][number]).status <= 2) start++;
  const used = new Set<number>();
  const merged: StatusEntry[] = [];
  for (const p of remote.slice(start)) {
    const key = identity(p.status, p.at);
    const i = rest.findIndex((h, n) => !used.has(n) && identity(h.status, toPortalDate(new Date(h.at))) === key);
    if (i >= 0) {
      used.add(i);
      merged.push(rest[i] as StatusEntry);
      continue;
    }
    merged.push({ status: p.status, at: (parsePortalDate(p.at) ?? new Date()).toISOString(), by: p.by ?? PROVINCE_ACTOR, ...(p.note ? { note: p.note } : {}) });
  }
  rest.forEach((h, n) => used.has(n) || merged.push(h));
  const unchanged = merged.length === rest.length && merged.every((h, n) => h === rest[n]);
  return unchanged ? undefined : [...prefix, ...merged];
}
