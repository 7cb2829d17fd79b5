import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { INSTALLATION_TAG, randomInstallationTag } from '../domain/codes/installation-tag.ts';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';

/**
 * Who this installation is: a random id (presented to the province with the counter identity) and
 * the short tag every provisional code carries. Assigned once, kept in the data folder (which an
 * uninstall leaves in place) and mirrored in the database, so losing either copy keeps the identity.
 */
export const INSTALLATION_FILE = 'installation.json';

export const Installation = z.object({
  id: z.string().uuid(),
  tag: z.string().regex(INSTALLATION_TAG),
  createdAt: z.string(),
});
export type Installation = z.infer<typeof Installation>;

export function ensureInstallation(dataDir: string, db: Database.Database, now: Date = new Date()): Installation {
  const path = join(dataDir, INSTALLATION_FILE);
  const fromFile = parse(readFileIfExists(path)?.toString('utf8'));
  const fromDb = parse((db.prepare("SELECT value FROM store_meta WHERE key = 'installation'").get() as { value: string } | undefined)?.value);
  // The folder's copy wins: a database restored from another PC's backup does not change who this PC is.
  const installation = fromFile ?? fromDb ?? { id: randomUUID(), tag: randomInstallationTag(), createdAt: now.toISOString() };
  const json = JSON.stringify(installation);
  if (!fromFile) writeFileAtomic(path, `${JSON.stringify(installation, null, 2)}\n`, 0o644);
  if (JSON.stringify(fromDb) !== json) db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('installation', ?)").run(json);
  return installation;
}

function parse(text: string | undefined): Installation | undefined {
  if (!text) return undefined;
  try {
    const parsed = Installation.safeParse(JSON.parse(text));
    return parsed.success ? { id: parsed.data.id, tag: parsed.data.tag, createdAt: parsed.data.createdAt } : undefined;
  } catch {
    return undefined;
  }
}
