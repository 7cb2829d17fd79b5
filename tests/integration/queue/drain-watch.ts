import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startUploader, type UploaderProcess } from './uploader-process.ts';

/**
 * Time bounds of the SIGKILL tests, derived from the work they do rather than guessed, and a drain
 * that fails fast (with what is stuck and why) instead of waiting out the budget when nothing moves.
 * The rates are bounds for a loaded 2-core machine, about 4× slower than measured there.
 */
const CHILD_START_MS = 20_000; // tsx start-up + store open; measured 2–5 s with 8 engineers on 2 cores
const MIN_BYTES_PER_SEC = 1_000_000; // the drain moved 3–6 MB/s locally through the reference server
const PER_ITEM_MS = 400; // upsert + commit + read-back of a dossier, or one status update; measured ~100 ms
const SETUP_MS = 30_000; // seeding the store, starting the server, final checks
/** No row changed state and no byte moved for this long: the drain is stuck (the longest single wait is a 30 s request timeout). */
export const STALL_MS = 45_000;

export interface WorkBudget {
  childStartMs: number;
  drainMs: number;
  totalMs: number;
  /** Resolves once the child runs; throws (with its stderr) if it did not start within the bound. */
  childStarted(child: UploaderProcess): Promise<void>;
}

export function workBudget(w: { kills: number; killAfterMaxMs: number; dossiers: number; statusUpdates?: number; bytes: number }): WorkBudget {
  const drainMs = Math.ceil((w.bytes / MIN_BYTES_PER_SEC) * 1000 + (w.dossiers + (w.statusUpdates ?? 0)) * PER_ITEM_MS + CHILD_START_MS);
  const totalMs = SETUP_MS + w.kills * (CHILD_START_MS + w.killAfterMaxMs) + drainMs + STALL_MS;
  return {
    childStartMs: CHILD_START_MS,
    drainMs,
    totalMs,
    async childStarted(child) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CHILD_START_MS)));
      const r = await Promise.race([child.ready.then(() => 'ready' as const), late]);
      clearTimeout(timer);
      if (r === 'late') throw new Error(`uploader child did not start within ${CHILD_START_MS} ms:\n${child.stderrTail()}`);
      if (child.process.exitCode !== null) throw new Error(`uploader child exited ${child.process.exitCode} before it ran:\n${child.stderrTail()}`);
    },
  };
}

interface Snapshot {
  key: string;
  stuck: Array<Record<string, unknown>>;
}

/** What the queue holds right now, read straight from the SQLite file (the child keeps writing it). */
function snapshot(dataDir: string): Snapshot {
  const db = new Database(join(dataDir, 'counter.sqlite'), { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const rows = db.prepare('SELECT state, count(*) AS n, sum(bytes_done) AS b FROM sync_outbox GROUP BY state ORDER BY state').all();
    const statuses = db.prepare('SELECT state, count(*) AS n FROM sync_status_outbox GROUP BY state ORDER BY state').all();
    const stuck = db
      .prepare(
        `SELECT 'dossier' AS kind, dossier_id AS id, state, attempts, error_code, error_reason FROM sync_outbox WHERE state NOT IN ('confirmed', 'quarantined')
         UNION ALL SELECT 'status', dossier_id || '#' || seq, state, attempts, error_code, error_reason FROM sync_status_outbox WHERE state NOT IN ('sent', 'quarantined')
         LIMIT 20`,
      )
      .all() as Array<Record<string, unknown>>;
    return { key: JSON.stringify([rows, statuses]), stuck };
  } finally {
    db.close();
  }
}

/**
 * Runs the `--until-drained` child to the end. Fails when it exits non-zero, when nothing moves for
 * STALL_MS, or when the drain takes longer than the budget; the child is stopped whatever happens.
 */
export async function drainWatched(
  dataDir: string,
  apiUrl: string,
  budget: WorkBudget,
  args: string[] = [],
  /** Called on every poll while the drain runs (the province's own moves in the status test). */
  onPoll?: () => Promise<void>,
): Promise<{ ms: number }> {
  const started = Date.now();
  const child = startUploader(dataDir, apiUrl, ['--until-drained', ...args]);
  try {
    let last = snapshot(dataDir);
    let lastChange = Date.now();
    for (;;) {
      const done = await Promise.race([child.exited.then((code) => ({ code })), new Promise<undefined>((r) => setTimeout(r, 500))]);
      if (done) {
        if (done.code !== 0) throw new Error(`drain child exited ${done.code}:\n${child.stderrTail()}`);
        return { ms: Date.now() - started };
      }
      await onPoll?.();
      const now = snapshot(dataDir);
      if (now.key !== last.key) lastChange = Date.now();
      last = now;
      const stalled = Date.now() - lastChange > STALL_MS;
      const late = Date.now() - started > budget.drainMs;
      if (stalled || late) {
        throw new Error(
          `drain ${stalled ? `made no progress for ${STALL_MS / 1000} s` : `exceeded its budget of ${budget.drainMs / 1000} s`}; ` +
            `queue ${now.key}; unfinished rows ${JSON.stringify(now.stuck)}\nchild stderr:\n${child.stderrTail()}`,
        );
      }
    }
  } finally {
    await child.stop();
  }
}
