/**
 * Child for the SIGKILL test: reopens (or opens) a scan session on a data folder and keeps importing
 * fixture pages and reordering them until it is killed. Every page id the service announces in a
 * scan.changed event is written to stdout synchronously, so the parent knows what was promised.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../../src-main/core.ts';
import type { ScanSession } from '../../../src-main/contract/scan.ts';
import { FIXTURES } from './helpers.ts';

const [dataDir, given] = process.argv.slice(2) as [string, string | undefined];
const core = createCore({ dataDir, host: 'cli', version: 'test', probes: [] });
const say = (o: unknown) => writeSync(1, `${JSON.stringify(o)}\n`);

core.bus.subscribe((event, payload) => {
  if (event === 'scan.changed') say({ pages: (payload as ScanSession).pages.map((p) => p.id) });
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

// Blank pages skip OSD and OCR, so a round stays short; the OCR re-queue has its own test.
const files = ['blank-back.jpg'];
const session = given ? await call<ScanSession>('scan.get', { sessionId: given }) : await call<ScanSession>('scan.open', {});
say({ session: session.id, restored: session.pages.map((p) => p.id) });
for (let n = 0; ; n++) {
  const s = await call<ScanSession>('scan.import', { sessionId: session.id, paths: [join(FIXTURES, files[n % files.length]!)], componentId: n % 2 ? 'c2' : 'c1' });
  const last = s.pages[s.pages.length - 1]!;
  if (n % 3 === 2) await call('scan.editPage', { sessionId: session.id, pageId: last.id, edit: { op: 'move', toOrder: 1 } });
}
