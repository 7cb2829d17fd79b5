import type { Feature } from '../../kernel/feature.ts';
import { storeHandlers } from './dossiers-handlers.ts';
import { dossierViewHandlers } from './dossier-view-handlers.ts';
import { auditedListings } from '../../kernel/personal-data-audit.ts';

/** Dossiers and procedures in the store, its users and audit, its maintenance; the detail view and returning results. */
export const dossiersFeature: Feature = {
  name: 'dossiers',
  prefixes: ['dossiers', 'procedures', 'users', 'audit', 'store'],
  create: (k) => ({
    handlers: {
      // Lists and searches show personal data: audited. A dossier's trust comes from the core's own reads.
      ...auditedListings(storeHandlers({ store: k.store, settings: k.settings, keyKind: k.keyProvider.kind, identityReads: k.identityReads }), k.store.audit),
      // The result is digitised through a scan session and its signatures checked by the signing feature.
      ...dossierViewHandlers({
        store: k.store,
        verify: (pdf) => k.call('signing.verifyBytes', { pdfBase64: Buffer.from(pdf).toString('base64') }),
        scanner: {
          pages: async (sessionId) => (await k.call('scan.get', { sessionId })).pages,
          buildPdf: (sessionId) => k.call('scan.buildPdf', { sessionId, componentId: null }),
        },
      }),
    },
  }),
};
