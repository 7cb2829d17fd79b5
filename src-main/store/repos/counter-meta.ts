import type Database from 'better-sqlite3';

/** A block of the agency's daily official numbers the province gave this installation. */
export interface NumberingBlock {
  agency: string;
  first: number;
  last: number;
}

/** What the province last said about this PC's counter identity (kept across restarts). */
export interface CounterRegistration {
  state: 'ok' | 'conflict';
  agency: string;
  counterId: string;
  tag: string;
  at: string;
  /** The province's error code and details when refused (COUNTER_ID_TAKEN, COUNTER_TAG_TAKEN). */
  reason?: string;
  details?: unknown;
}

function read<T>(db: Database.Database, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM store_meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return undefined;
  }
}

function write(db: Database.Database, key: string, value: unknown): void {
  if (value === undefined) db.prepare('DELETE FROM store_meta WHERE key = ?').run(key);
  else db.prepare('INSERT OR REPLACE INTO store_meta (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
}

export const readNumberingBlock = (db: Database.Database) => read<NumberingBlock>(db, 'numbering_block');
export const writeNumberingBlock = (db: Database.Database, block: NumberingBlock | undefined) => write(db, 'numbering_block', block);
export const readCounterRegistration = (db: Database.Database) => read<CounterRegistration>(db, 'counter_registration');
export const writeCounterRegistration = (db: Database.Database, r: CounterRegistration) => write(db, 'counter_registration', r);
