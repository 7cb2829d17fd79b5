import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Settings } from '../../../src-main/contract/settings.ts';
import { parseOfficialCode, parseProvisionalCode } from '../../../src-main/domain/codes/dossier-code.ts';
import { spawnChild, type ManagedChild } from '../../support/children.ts';
import { CounterIdentityService } from '../../../src-main/features/queue/counter-identity-service.ts';
import { openStore, type Store } from '../../../src-main/store/store.ts';
import { startReferenceServer, type ReferenceServer } from '../../../src-main/reference-server/server.ts';
import { codedError, draft, tempDir } from '../../unit/store/helpers.ts';

const AGENCY = '000.00.31.H42';
let server: ReferenceServer;
const t = tempDir('counter-identity-');
beforeAll(async () => {
  server = await startReferenceServer({ dataDir: join(t.dir, 'province') });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

interface Pc {
  store: Store;
  identity: CounterIdentityService;
  settings: Settings;
}
const open: Pc[] = [];
afterEach(() => {
  while (open.length) {
    const pc = open.pop()!;
    pc.identity.close();
    pc.store.close();
  }
});

/** A counter PC as core.ts wires it: its store, the identity service and the accept guard. */
function pc(name: string, counterId: string, url = server.apiUrl): Pc {
  const settings = Settings.parse({ agency: { code: AGENCY, counterId }, server: { url, clientId: 'counter-demo' } });
  const store = openStore({ dataDir: join(t.dir, name), hostName: name, agency: () => ({ code: AGENCY, counterId: settings.agency.counterId }) });
  const identity = new CounterIdentityService({ store, settings: () => settings, clientSecret: () => 'demo-secret' });
  store.dossiers.guardAccept(() => identity.guard());
  const p = { store, identity, settings };
  open.push(p);
  return p;
}


describe('the counter identity presented to the province (reference server over HTTP)', () => {
  it('refuses accepts on the second PC presenting counter 01, across an offline restart, until IT changes its counter ID', async () => {
    const a = pc('may-a', '01');
    expect(await a.identity.register()).toMatchObject({ state: 'ok', counterId: '01' });
    a.store.dossiers.accept(draft());

    let b = pc('may-b', '01');
    expect(await b.identity.register()).toMatchObject({ state: 'conflict', counterId: '01', reason: 'COUNTER_ID_TAKEN' });
    const err = codedError(() => b.store.dossiers.accept(draft()));
    expect(err.code).toBe('COUNTER_IDENTITY_CONFLICT');
    expect(err.messages.vi).toMatch(/Tạm ngừng tiếp nhận hồ sơ/);

    // Restart of PC B while the province is unreachable: the refusal stands.
    b.identity.close();
    b.store.close();
    open.splice(open.indexOf(b), 1);
    b = pc('may-b', '01', 'http://127.0.0.1:9/onestop/v1');
    expect(await b.identity.register()).toMatchObject({ state: 'conflict' });
    expect(codedError(() => b.store.dossiers.accept(draft())).code).toBe('COUNTER_IDENTITY_CONFLICT');
    expect(b.store.dossiers.list({ limit: 10, offset: 0 }).total).toBe(0);

    // IT gives PC B its own counter ID; the province accepts it and B works.
    b.settings.agency.counterId = '02';
    b.settings.server.url = server.apiUrl;
    expect(await b.identity.register()).toMatchObject({ state: 'ok', counterId: '02' });
    expect(parseProvisionalCode(b.store.dossiers.accept(draft()).provisionalCode!)).toMatchObject({ counterId: '02', installationTag: b.store.installation.tag });
    // PC A was never interrupted.
    expect((await a.identity.register())?.state).toBe('ok');
    a.store.dossiers.accept(draft());

    const res = await fetch(`${server.apiUrl}/counters`, { headers: { Authorization: `Bearer ${await token()}` } });
    const items = ((await res.json()) as { items: Array<{ counter_id: string; installation_id: string }> }).items;
    expect(items.map((i) => [i.counter_id, i.installation_id]).sort()).toEqual([
      ['01', a.store.installation.id],
      ['02', b.store.installation.id],
    ]);
  }, 60_000);
});

async function token(): Promise<string> {
  const res = await fetch(`${server.apiUrl}/token`, {
    method: 'POST',
    body: 'grant_type=client_credentials',
    headers: { Authorization: `Basic ${Buffer.from('counter-demo:demo-secret').toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A worker process, through the shared child helper (stopped after the file whatever happens). */
function worker(province: ReferenceServer, name: string, counterId: string, count: number): { child: ManagedChild; lines: string[]; exited: Promise<number | null> } {
  const script = join(import.meta.dirname, 'delegated-worker.ts');
  const child = spawnChild(process.execPath, ['--import', 'tsx', script, join(t.dir, name), counterId, String(count), province.apiUrl, name]);
  const lines: string[] = [];
  let out = '';
  child.process.stdout!.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    const parts = out.split('\n');
    out = parts.pop()!;
    lines.push(...parts);
  });
  const exited = child.exited.then(({ code }) => {
    if (code !== 0 && child.stderrTail()) console.error(child.stderrTail());
    return code;
  });
  return { child, lines, exited };
}

async function stop(w: ReturnType<typeof worker>): Promise<void> {
  await w.child.stop({ graceMs: 5000 });
}

describe('delegated numbering on two PCs with two databases (two real processes)', () => {
  it('each PC issues official numbers from its own block: 20 codes, all distinct; a third PC on a taken counter ID issues none', async () => {
    // A province of its own: the agency's counters and blocks start empty.
    const province = await startReferenceServer({ dataDir: join(t.dir, 'province-2') });
    try {
      await twoPcsThenAThird(province);
    } finally {
      await province.close();
    }
  }, 120_000);
});

async function twoPcsThenAThird(province: ReferenceServer): Promise<void> {
  const workers = [worker(province, 'deleg-a', '01', 10), worker(province, 'deleg-b', '02', 10)];
  try {
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    const codes = workers.flatMap((w) => w.lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4)));
    expect(codes).toHaveLength(20);
    expect(new Set(codes).size).toBe(20);
    const numbers = workers.map((w) => w.lines.filter((l) => l.startsWith('ACK ')).map((l) => parseOfficialCode(l.slice(4))!.sequence));
    // Two disjoint blocks of 1000, whichever PC registered first.
    expect(numbers.map((n) => n[0]! > 1000).sort()).toEqual([false, true]);
    for (const n of numbers) expect(n).toEqual(Array.from({ length: 10 }, (_, i) => n[0]! + i));
  } finally {
    await Promise.all(workers.map(stop));
  }
  const third = worker(province, 'deleg-c', '01', 3);
  try {
    expect(await third.exited).toBe(0);
    expect(third.lines.filter((l) => l.startsWith('REFUSED') || l.startsWith('ACK'))).toEqual(Array(3).fill('REFUSED COUNTER_IDENTITY_CONFLICT'));
  } finally {
    await stop(third);
  }
}
