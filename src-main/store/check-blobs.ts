import type Database from 'better-sqlite3';
import type { BlobStore } from './blobs/blob-store.ts';

export interface BlobCheck {
  checked: number;
  /** Files present that do not decrypt to their hash. */
  corrupt: string[];
  /** Files a dossier page or an issued form refers to that are not on disk at all. */
  missing: string[];
}

/**
 * Verifies every stored file, and every file the database refers to: a page whose file was deleted
 * is as lost as a corrupt one, and only the references can tell.
 */
export function checkBlobs(db: Database.Database, blobs: BlobStore): BlobCheck {
  const present = blobs.list();
  const corrupt = present.filter((sha) => !blobs.verify(sha));
  const have = new Set(present);
  const referenced = db.prepare('SELECT sha256 FROM dossier_pages UNION SELECT sha256 FROM dossier_forms').pluck().all() as string[];
  const missing = referenced.filter((sha) => !have.has(sha)).sort();
  return { checked: present.length, corrupt, missing };
}
