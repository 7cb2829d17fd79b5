import type Database from 'better-sqlite3';
import { randomInt, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { INSTALLATION_TAG, installationTag } from '../domain/codes/installation-tag.ts';
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
  /** The PC it was assigned on: a data folder copied to another PC becomes a new installation there. */
  host: z.string().default(''),
  /** Tags used before (a restore or a copy to another PC draws a new one): never drawn again here. */
  previousTags: z.array(z.string().regex(INSTALLATION_TAG)).default([]),
});
export type Installation = z.infer<typeof Installation>;

export function ensureInstallation(dataDir: string, db: Database.Database, now: Date = new Date(), host: string = hostname()): Installation {
  const path = join(dataDir, INSTALLATION_FILE);
  const fromFile = parse(readFileIfExists(path)?.toString('utf8'));
  const fromDb = parse((db.prepare("SELECT value FROM store_meta WHERE key = 'installation'").get() as { value: string } | undefined)?.value);
  // The folder's copy wins: a database restored from another PC's backup does not change who this PC is.
  let installation = fromFile ?? fromDb ?? fresh(now, host, []);
  // A folder copied to another PC (a cloned disk image): that PC must not issue this PC's codes.
  if (installation.host && installation.host !== host) installation = fresh(now, host, [...installation.previousTags, installation.tag]);
  else if (!installation.host) installation = { ...installation, host };
  const json = JSON.stringify(installation);
  if (JSON.stringify(fromFile) !== json) writeFileAtomic(path, `${JSON.stringify(installation, null, 2)}\n`, 0o644);
  if (JSON.stringify(fromDb) !== json) db.prepare("INSERT OR REPLACE INTO store_meta (key, value) VALUES ('installation', ?)").run(json);
  return installation;
}

/**
 * After a restore the day's sequences go back to the backup's, so numbers issued since would come
 * again: the installation keeps its id but draws a new tag, which makes every later code new.
 */
export function renewInstallationTag(dataDir: string): Installation | undefined {
  const path = join(dataDir, INSTALLATION_FILE);
  const current = parse(readFileIfExists(path)?.toString('utf8'));
  if (!current) return undefined;
  const used = [...current.previousTags, current.tag];
  const renewed: Installation = { ...current, tag: drawTag(used), previousTags: used };
  writeFileAtomic(path, `${JSON.stringify(renewed, null, 2)}\n`, 0o644);
  return renewed;
}

function fresh(now: Date, host: string, previousTags: string[]): Installation {
  return { id: randomUUID(), tag: drawTag(previousTags), createdAt: now.toISOString(), host, previousTags };
}

function drawTag(used: readonly string[]): string {
  for (;;) {
    const tag = installationTag((n) => randomInt(n));
    if (!used.includes(tag)) return tag;
  }
}

function parse(text: string | undefined): Installation | undefined {
  if (!text) return undefined;
  try {
    const parsed = Installation.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
