import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sweepOrphanScanTemp } from '../../../src-main/features/scan/scan-temp-sweep.ts';
import { runSync } from '../../support/children.ts';

describe('sweep of scan temp folders left by a killed process', () => {
  it('removes folders of dead processes and old pid-less ones, keeps live and foreign ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-sweep-'));
    const dead = runSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { timeout: 30_000 }).stdout;
    const make = (name: string) => {
      mkdirSync(join(dir, name));
      return name;
    };
    const deadSane = make(`counter-sane-${dead}-AbC123`);
    const deadOsd = make(`counter-osd-${dead}-xYz789`);
    const mine = make(`counter-sane-${process.pid}-Qwe456`);
    const parentAlive = make(`counter-wia-${process.ppid}-Rty012`);
    const legacyOld = make('counter-sane-Old123');
    utimesSync(join(dir, legacyOld), new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    const legacyNew = make('counter-osd-New456');
    const foreign = make(`other-sane-${dead}-AbC123`);

    expect(sweepOrphanScanTemp(dir).sort()).toEqual([deadOsd, deadSane, legacyOld].sort());
    expect(readdirSync(dir).sort()).toEqual([foreign, legacyNew, mine, parentAlive].sort());
    expect(existsSync(join(dir, deadSane))).toBe(false);
  });

  it('returns nothing for a folder that does not exist', () => {
    expect(sweepOrphanScanTemp(join(tmpdir(), 'osc-no-such-folder-for-sweep'))).toEqual([]);
  });
});
