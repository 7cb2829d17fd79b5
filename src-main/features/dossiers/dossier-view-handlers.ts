import type { HandlersOf } from '../../rpc/handlers.ts';
import type { VerifyReport } from '../../contract/signing.ts';
import { DossierViewErrors } from '../../contract/dossier-view.ts';
import type { Store } from '../../store/store.ts';
import { componentPdfPage, findComponent } from '../../store/component-pdfs.ts';
import { extractDossierCode } from './slip-code.ts';
import { ResultReturner, type ResultScanner } from './return-result.ts';

export interface DossierViewDeps {
  store: Store;
  scanner: ResultScanner;
  /** signing.verifyBytes of the signing feature. */
  verify: (pdf: Uint8Array) => Promise<VerifyReport>;
}

type DossierViewMethod = 'dossiers.componentPdf' | 'dossiers.findByCode' | 'dossiers.componentSignatures' | 'dossiers.returnResult';

/** The detail view's reads (component PDFs are audited as personal data) and the return of results. */
export function dossierViewHandlers({ store, scanner, verify }: DossierViewDeps): HandlersOf<DossierViewMethod> {
  const returner = new ResultReturner(store, scanner);
  return {
    'dossiers.componentPdf': ({ dossierId, componentId, reason }, ctx) => {
      const c = findComponent(store.dossiers.get(dossierId), componentId);
      const page = componentPdfPage(c);
      if (!page) throw DossierViewErrors.raise('DOSSIER_COMPONENT_NO_PDF', { componentId });
      const bytes = store.blobs.get(page.sha256);
      store.audit.record({ userId: ctx.userId, action: 'read', subject: `dossier:${dossierId}`, reason, details: { componentId, sha256: page.sha256 } });
      return { componentId, name: c.name, sha256: page.sha256, bytes: bytes.length, pdfBase64: bytes.toString('base64') };
    },
    'dossiers.findByCode': ({ text }) => {
      const code = extractDossierCode(text);
      if (!code) throw DossierViewErrors.raise('DOSSIER_CODE_UNREADABLE');
      const d = store.dossiers.getByCode(code);
      return { id: d.id, code: d.officialCode ?? d.provisionalCode ?? code, provisional: d.officialCode === null, status: d.status };
    },
    'dossiers.componentSignatures': async ({ dossierId }) => {
      const d = store.dossiers.get(dossierId);
      const out = [];
      for (const c of d.components) {
        const page = componentPdfPage(c);
        if (!page) continue;
        out.push({ componentId: c.id, name: c.name, sha256: page.sha256, report: await verify(store.blobs.get(page.sha256)) });
      }
      return out;
    },
    'dossiers.returnResult': (input, ctx) => returner.returnResult(input, ctx.userId),
  };
}
