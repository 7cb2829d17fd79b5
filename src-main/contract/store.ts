import { z } from 'zod';
import { method } from './method.ts';

export const StoreStatus = z.object({
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  dossiers: z.number().int(),
  procedures: z.number().int(),
  blobs: z.number().int(),
  keyKind: z.string(),
  /** This installation: its id, and the tag every provisional code carries (shown in Settings). */
  installation: z.object({ id: z.string(), tag: z.string() }),
  /** What the province last said about this PC's counter identity; null before the first answer. */
  counterIdentity: z
    .object({ state: z.enum(['ok', 'conflict']), counterId: z.string(), at: z.string(), reason: z.string().optional() })
    .nullable(),
});

export const storeMethods = {
  'store.status': method({ summary: 'Database path, schema version and counts', input: z.object({}), output: StoreStatus }),
  'store.check': method({
    summary: 'PRAGMA integrity_check, and optionally verify every blob decrypts to its hash',
    input: z.object({ blobs: z.boolean().default(false) }),
    output: z.object({
      ok: z.boolean(),
      problems: z.array(z.string()),
      blobsChecked: z.number().int(),
      blobsCorrupt: z.array(z.string()),
      /** Files dossiers refer to that are not on disk. */
      blobsMissing: z.array(z.string()).default([]),
    }),
  }),
  'store.backup': method({
    summary: 'Online backup of the database and blobs to one file',
    input: z.object({ file: z.string().min(1) }),
    output: z.object({ file: z.string(), bytes: z.number().int(), dossiers: z.number().int(), blobs: z.number().int(), createdAt: z.string() }),
  }),
  'store.restore': method({
    summary: 'Check a backup and stage it to replace the database at the next start',
    input: z.object({ file: z.string().min(1) }),
    output: z.object({ dossiers: z.number().int(), blobs: z.number().int(), createdAt: z.string(), pending: z.string() }),
  }),
  'store.purge': method({
    summary: 'Delete local copies confirmed by the province more than the retention period ago',
    input: z.object({ dryRun: z.boolean().default(false) }),
    output: z.object({
      retentionDays: z.number().int(),
      purged: z.array(z.object({ id: z.string(), code: z.string(), confirmedAt: z.string() })),
      /** Old enough but kept, because something of it is not delivered yet. */
      held: z.array(z.object({ id: z.string(), code: z.string(), confirmedAt: z.string() })),
      blobsDeleted: z.number().int(),
    }),
  }),
};

/** Store settings: numbering delegated by the province, and how long confirmed dossiers stay local. */
export const DossierStoreSettings = z.object({
  /** The province lets this counter issue official codes itself (per-agency daily sequence). */
  delegatedNumbering: z.boolean().default(false),
  /** Purge local copies this many days after the province confirmed them; 0 = keep forever. */
  retentionDays: z.number().int().min(0).max(36500).default(0),
});
export type DossierStoreSettings = z.infer<typeof DossierStoreSettings>;
