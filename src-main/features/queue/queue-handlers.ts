import type { HandlersOf } from '../../rpc/handlers.ts';
import type { SyncService } from './queue-service.ts';

export function syncHandlers(sync: SyncService): HandlersOf<'queue.status' | 'queue.list' | 'queue.retry' | 'queue.export' | 'queue.results' | 'queue.fetchResult'> {
  return {
    'queue.status': () => sync.summary(),
    'queue.list': (input) => ({ items: sync.list(input) }),
    'queue.retry': (input) => ({ retried: sync.retry(input.dossierIds) }),
    'queue.export': () => ({ exportedAt: new Date().toISOString(), summary: sync.summary(), items: sync.list({ limit: -1 }) }),
    'queue.results': (input) => sync.results(input.dossierId),
    'queue.fetchResult': (input) => sync.fetchResult(input.dossierId, input.documentId),
  };
}
