import { describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../../unit/store/helpers.ts';
import { runCli } from '../../../src-main/cli/run.ts';

const COUNTER = resolve('src-main/launch/counter.mjs');

/** The real CLI entry (argument parsing, core, commands, JSON output), in this process: a spawn costs seconds. */
async function counter(dataDir: string, ...args: string[]): Promise<{ code: number; json: unknown }> {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  process.env.COUNTER_PASSWORD = 'mat-khau-tam';
  try {
    const code = await runCli([...args, '--data-dir', dataDir, '--json']);
    return { code, json: JSON.parse(out.join('\n')) };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('counter CLI for the store', () => {
  it('imports a catalogue with a report of rejected rows, manages users, backs up and restores', async () => {
    const t = tempDir('cli-');
    const data = join(t.dir, 'data');
    const ok = await counter(data, 'procedures', 'import', 'fixtures/procedures/commune-sample.json');
    expect(ok).toMatchObject({ code: 0, json: { imported: 12, rejected: [] } });
    const bad = join(t.dir, 'bad.csv');
    writeFileSync(bad, 'code,name,field,time_value,time_unit\n1.000001,Thủ tục thử,Hộ tịch,2,working-days\nXYZ,Sai mã,Hộ tịch,2,working-days\n');
    const partial = await counter(data, 'procedures', 'import', bad);
    expect(partial.json).toMatchObject({ imported: 1, rejected: [{ row: 3, code: 'XYZ' }] });
    const list = (await counter(data, 'procedures', 'list')).json as Array<{ code: string }>;
    expect(list).toHaveLength(13);
    expect((await counter(data, 'users', 'add', 'canbo1', '--name', 'Cán bộ 1', '--role', 'officer')).code).toBe(0);
    const users = (await counter(data, 'users', 'list')).json as Array<{ username: string; role: string }>;
    expect(users).toEqual([expect.objectContaining({ username: 'canbo1', role: 'officer' })]);
    const file = join(t.dir, 'backup.sqlite');
    expect((await counter(data, 'backup', file)).json).toMatchObject({ file, dossiers: 0 });
    expect((await counter(data, 'restore', file)).json).toMatchObject({ dossiers: 0 });
    expect((await counter(data, 'store', 'check', '--blobs')).json).toMatchObject({ ok: true });
    expect(((await counter(data, 'procedures', 'list')).json as unknown[]).length).toBe(13);
    const missing = await counter(data, 'restore', join(t.dir, 'missing.sqlite'));
    expect(missing).toMatchObject({ code: 1, json: { error: { code: 'BACKUP_INVALID' } } });
    const unknown = await counter(data, 'procedures', 'show', '9.999999');
    expect(unknown).toMatchObject({ code: 1, json: { error: { code: 'PROCEDURE_NOT_FOUND' } } });
    t.cleanup();
  }, 120_000);

  it('exits 1 with a JSON error code as a separate process', async () => {
    const t = tempDir('cli-');
    const r = await promisify(execFile)(process.execPath, [COUNTER, 'restore', join(t.dir, 'none.sqlite'), '--data-dir', t.dir, '--json'], { timeout: 60_000 }).catch((e: { code: number; stdout: string }) => e);
    expect('code' in r ? r.code : 0).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'BACKUP_INVALID' } });
    t.cleanup();
  }, 120_000);
});
