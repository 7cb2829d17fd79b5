import { randomUUID } from 'node:crypto';
import type { Dossier, DossierComponent, DossierPage } from '../contract/dossiers.ts';
import { DossierViewErrors } from '../contract/dossier-view.ts';
import type { Store } from './store.ts';

export const PDF_MIME = 'application/pdf';

/** The PDF page reference of a component (the reception stores one PDF per component, as page 1). */
export function componentPdfPage(c: DossierComponent): DossierPage | undefined {
  return c.pages.find((p) => p.mime === PDF_MIME);
}

export function findComponent(d: Dossier, componentId: string): DossierComponent {
  const c = d.components.find((x) => x.id === componentId);
  if (!c) throw DossierViewErrors.raise('DOSSIER_COMPONENT_NOT_FOUND', { dossierId: d.id, componentId });
  return c;
}

/**
 * The two writes the detail view needs that the store's repository does not offer: swapping a
 * component's PDF for a new version (a signed copy) and filing a new component (the digitized
 * result). Both keep the blob store and the rows consistent: the blob is written first, the row
 * points at it only once it exists.
 */
export class DossierComponentWriter {
  private readonly st;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.st = {
      replacePage: db.prepare('UPDATE dossier_pages SET sha256 = ?, size = ? WHERE component_id = ? AND page_no = ?'),
      nextPosition: db.prepare('SELECT coalesce(max(position), 0) + 1 AS n FROM dossier_components WHERE dossier_id = ?'),
      insertComponent: db.prepare(
        'INSERT INTO dossier_components (id, dossier_id, position, code, name, originals, certified_copies, photocopies) VALUES (?, ?, ?, ?, ?, 0, 0, 0)',
      ),
      insertPage: db.prepare('INSERT INTO dossier_pages (component_id, page_no, sha256, size, mime) VALUES (?, ?, ?, ?, ?)'),
      touch: db.prepare('UPDATE dossiers SET updated_at = ? WHERE id = ?'),
    };
  }

  /** Stores new bytes for a component's PDF page and points the page at them. */
  replacePdf(dossierId: string, componentId: string, pageNo: number, bytes: Uint8Array): { sha256: string; size: number } {
    const ref = this.store.blobs.put(bytes);
    this.store.db.transaction(() => {
      this.st.replacePage.run(ref.sha256, ref.size, componentId, pageNo);
      this.st.touch.run(new Date().toISOString(), dossierId);
    })();
    return ref;
  }

  /** Files a stored PDF as a new component of the dossier; call inside a transaction to pair it with a status change. */
  addPdfComponent(dossierId: string, c: { code: string; name: string; sha256: string; size: number }): string {
    const id = randomUUID();
    const { n } = this.st.nextPosition.get(dossierId) as { n: number };
    this.st.insertComponent.run(id, dossierId, n, c.code, c.name);
    this.st.insertPage.run(id, 1, c.sha256, c.size, PDF_MIME);
    this.st.touch.run(new Date().toISOString(), dossierId);
    return id;
  }
}
