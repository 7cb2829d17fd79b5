import type Database from 'better-sqlite3';
import { StoreErrors } from '../store-errors.ts';

/**
 * Hands out the next number of a named sequence for a day. Runs inside the caller's (immediate)
 * transaction, so two processes on the same database queue on SQLite's write lock and the number is
 * durable together with the dossier that uses it: a number is never handed out twice, across
 * restarts and crashes included. If the clock goes back to an earlier day, that day's sequence
 * simply continues from where it stopped.
 */
export function nextSequence(db: Database.Database, scope: string, day: string, max = Number.MAX_SAFE_INTEGER): number {
  const row = db
    .prepare(
      `INSERT INTO code_sequences (scope, day, last) VALUES (?, ?, 1)
       ON CONFLICT (scope, day) DO UPDATE SET last = last + 1
       RETURNING last`,
    )
    .get(scope, day) as { last: number };
  if (row.last > max) throw StoreErrors.raise('SEQUENCE_EXHAUSTED', { scope, day, max });
  return row.last;
}

export function provisionalScope(agency: string, counterId: string): string {
  return `provisional:${agency}:${counterId}`;
}

export function officialScope(agency: string): string {
  return `official:${agency}`;
}
