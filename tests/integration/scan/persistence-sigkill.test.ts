import { expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../../../src-main/core.ts';
import type { ScanSession } from '../../../src-main/contract/scan.ts';
import { tmp } from './helpers.ts';
import { spawnChild, type ManagedChild } from '../../support/children.ts';

const CHILD = join(import.meta.dirname, 'persist-child.ts');
const KILLS = 4;

interface Round {
  session?: string;
  announced: Set<string>;
}

/**
 * Runs the child until it has announced 1–3 new pages, waits a random moment, then SIGKILLs it. The
 * child loops forever, so it is killed whatever happens (a bad line, a timeout) before the round ends.
 */
async function round(dataDir: string, sessionId: string | undefined, rnd: () => number): Promise<Round> {
  const child = spawnChild(process.execPath, ['--import', 'tsx', CHILD, dataDir, ...(sessionId ? [sessionId] : [])], { echoStderr: true });
  try {
    return await announcedUntilKilled(child, rnd);
  } finally {
    child.kill('SIGKILL');
    await child.exited;
  }
}

function announcedUntilKilled(child: ManagedChild, rnd: () => number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const out: Round = { announced: new Set() };
    let buf = '';
    let armed = false;
    const before = new Set<string>();
    const wanted = 1 + Math.floor(rnd() * 3);
    child.process.stdout!.on('data', (b: Buffer) => {
      buf += b.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        let m: { session?: string; pages?: string[]; restored?: string[] };
        try {
          m = JSON.parse(line) as typeof m;
        } catch {
          reject(new Error(`not a JSON line from the child: ${line}`));
          return;
        }
        if (m.session) out.session = m.session;
        for (const id of m.restored ?? []) before.add(id);
        for (const id of m.pages ?? []) out.announced.add(id);
        const fresh = [...out.announced].filter((id) => !before.has(id)).length;
        if (fresh >= wanted && !armed) {
          armed = true;
          // Mid-page: blob writes, row commits, OCR of earlier pages, reorders.
          setTimeout(() => child.kill('SIGKILL'), Math.floor(rnd() * 1200));
        }
      }
    });
    void child.exited.then(({ code, signal }) => (signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child ended on its own (${code})`))));
  });
}

it(`keeps every announced page through ${KILLS} SIGKILLs, with an intact database`, { timeout: 150_000 }, async () => {
  const dataDir = tmp('osc-scan-kill-');
  let seed = 0x5eed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const announced = new Set<string>();
  let sessionId: string | undefined;
  for (let i = 0; i < KILLS; i++) {
    const started = Date.now();
    const r = await round(dataDir, sessionId, rnd);
    console.log(`round ${i + 1}: ${r.announced.size} pages announced, ${Date.now() - started} ms`);
    sessionId ??= r.session;
    for (const id of r.announced) announced.add(id);
  }
  expect(sessionId).toBeDefined();
  expect(announced.size).toBeGreaterThan(KILLS);

  const db = new Database(join(dataDir, 'counter.sqlite'));
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();

  const core = createCore({ dataDir, host: 'cli', version: 'test', probes: [] });
  const got = await core.call('scan.get', { sessionId });
  expect(got.ok).toBe(true);
  const pages = (got as { value: ScanSession }).value.pages;
  const ids = new Set(pages.map((p) => p.id));
  expect([...announced].filter((id) => !ids.has(id))).toEqual([]);
  expect(pages.map((p) => p.order)).toEqual(pages.map((_, i) => i + 1));
  // Every kept page still has readable (decryptable, hash-checked) image bytes.
  for (const p of pages) expect((await core.call('scan.pageImage', { sessionId, pageId: p.id, variant: 'page' })).ok).toBe(true);
  await core.close();
});
