import type { ComponentSource } from './signing-service.ts';
import type { Store } from '../../store/store.ts';
import { componentPdfPage, DossierComponentWriter } from '../../store/component-pdfs.ts';

/**
 * The dossier store as the signer's source: every component with a PDF is one batch item; a signed
 * copy goes into the blob store and the component's page then points at it.
 */
export function dossierComponentSource(store: Store): ComponentSource {
  const writer = new DossierComponentWriter(store);
  return {
    async pdfComponents(dossierId) {
      const d = store.dossiers.get(dossierId);
      return d.components.flatMap((c) => {
        const page = componentPdfPage(c);
        if (!page) return [];
        return [
          {
            id: c.id,
            name: c.name,
            read: async () => new Uint8Array(store.blobs.get(page.sha256)),
            write: async (signed: Uint8Array) => void writer.replacePdf(dossierId, c.id, page.pageNo, signed),
          },
        ];
      });
    },
  };
}
