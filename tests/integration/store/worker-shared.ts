import { createHash } from 'node:crypto';
import type { Migration } from '../../../src-main/store/migrations/migration.ts';
import type { DossierDraft } from '../../../src-main/domain/dossier/dossier.ts';
import type { BlobRef } from '../../../src-main/store/blobs/blob-store.ts';

/** Stands in for the queue feature's outbox: a row written by an accept hook (test-only migration). */
export const testOutboxMigration: Migration = {
  id: 29,
  name: 'test-outbox',
  up: (db) => db.exec('CREATE TABLE test_outbox (dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id), payload_sha256 TEXT NOT NULL)'),
};

/** Hash of a value with object keys sorted and undefined dropped, so a read-back compares equal. */
export function canonicalHash(value: unknown): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canon)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
              .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256').update(JSON.stringify(canon(value))).digest('hex');
}

export function workerDraft(i: number, counterId: string, page: BlobRef): DossierDraft {
  return {
    procedureCode: '2.000908',
    procedureName: 'Cấp bản sao từ sổ gốc',
    applicant: {
      identity: { kind: 'manual', fullName: `Phạm Thị Quầy${counterId} Số${i}`, idNumber: `0010900${String(i).padStart(5, '0')}`, warnings: [] },
      trust: 'manual',
    },
    summary: `Hồ sơ thử ${i}`,
    components: [{ name: 'Văn bản yêu cầu', originals: 1, pages: [{ pageNo: 1, sha256: page.sha256, size: page.size, mime: 'application/octet-stream' }] }],
  };
}
