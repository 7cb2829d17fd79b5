import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createCore } from '../../../src-main/core.ts';
import type { Appointment, YearCalendar } from '../../../src-main/contract/calendar.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const tempDir = () => mkdtempSync(join(tmpdir(), 'osc-cal-'));
const core = (dataDir = tempDir()) => createCore({ dataDir, host: 'cli', version: '1', probes: [] });

describe('calendar over the contract (real core, real settings file)', () => {
  it('answers calendar.appointment with reasoning', async () => {
    const r = await core().call('calendar.appointment', { receivedAt: '2026-04-28T10:00', processingTime: { value: 3, unit: 'working-days' } });
    expect(r.ok && r.value).toMatchObject({ appointmentAt: '2026-05-05T10:00:00+07:00', startRule: 'as-received' });
    if (r.ok) expect((r.value as Appointment).explanation.vi).toContain('Hẹn trả 10:00 thứ Ba 05/05/2026.');
  });

  it('keeps the admin exceptions in settings.json and uses them after a restart', async () => {
    const dataDir = tempDir();
    const exceptions = [
      { date: '2025-05-02', kind: 'day-off', note: 'Nghỉ hoán đổi' },
      { date: '2025-04-26', kind: 'working-day', note: 'Làm bù' },
    ];
    const set = await core(dataDir).call('settings.set', { calendar: { exceptions } });
    expect(set.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).calendar.exceptions).toEqual(exceptions);
    const again = core(dataDir);
    const r = await again.call('calendar.appointment', { receivedAt: '2025-04-25T14:30', processingTime: { value: 3, unit: 'working-days' } });
    expect(r.ok && (r.value as Appointment).appointmentAt).toBe('2025-04-29T14:30:00+07:00');
    const y = await again.call('calendar.holidays', { year: 2025 });
    const cal = (y.ok ? y.value : undefined) as YearCalendar;
    expect(cal.workingDays).toEqual([{ date: '2025-04-26', note: 'Làm bù', basis: expect.objectContaining({ vi: expect.stringContaining('bảng ngày nghỉ bù') }) }]);
    expect(cal.daysOff.find((d) => d.date === '2025-05-02')).toMatchObject({ kind: 'day-off', source: 'admin' });
  });

  it('a settings change takes effect at once (working hours)', async () => {
    const c = core();
    await c.call('settings.set', { calendar: { sessions: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    const r = await c.call('calendar.appointment', { receivedAt: '2025-03-03T12:30', processingTime: { value: 1, unit: 'working-hours' } });
    expect(r.ok && r.value).toMatchObject({ startRule: 'lunch-break', appointmentAt: '2025-03-03T14:00:00+07:00' });
  });

  it('returns coded errors through the envelope', async () => {
    const c = core();
    const bad = await c.call('calendar.appointment', { receivedAt: '31/02/2025', processingTime: { value: 3, unit: 'working-days' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'CALENDAR_INVALID_DATE' } });
    const zero = await c.call('calendar.appointment', { receivedAt: '2025-03-03T10:00', processingTime: { value: 0, unit: 'working-days' } });
    expect(zero).toMatchObject({ ok: false, error: { code: 'CALENDAR_INVALID_DURATION' } });
    if (!zero.ok) expect(zero.error.message.vi).toMatch(/Thời hạn giải quyết/);
    const inverted = await c.call('settings.set', { calendar: { sessions: [{ start: '17:00', end: '07:00' }] } });
    expect(inverted).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const year = await c.call('calendar.holidays', { year: 1800 });
    expect(year).toMatchObject({ ok: false, error: { code: 'CALENDAR_DATE_OUT_OF_RANGE' } });
  });
});

describe('counter calendar … (real CLI process)', () => {
  const cli = (...args: string[]) => run(process.execPath, [join(ROOT, 'src-main/launch/counter.mjs'), ...args, '--data-dir', tempDir()], { cwd: ROOT, timeout: 60_000 });

  it('prints the appointment as JSON: on a fresh install Sat 26/04/2025 is worked by the announced swap', async () => {
    const { stdout } = await cli('calendar', 'appointment', '--at', '2025-04-25T14:30', '--days', '3', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ appointmentAt: '2025-04-29T14:30:00+07:00', skipped: [{ date: '2025-04-27' }], workedRestDays: [{ date: '2025-04-26' }] });
  }, 90_000);

  it('on a fresh install names the announcement behind Tết 2025 and the 2026 National Day swap', async () => {
    const tet = await cli('calendar', 'appointment', '--at', '2025-01-24T10:00', '--days', '3');
    expect(tet.stdout).toContain('Hẹn trả 10:00 thứ Tư 05/02/2025.');
    expect(tet.stdout).toMatch(/27\/01\/2025 thứ Hai +ngày lễ +Tết Nguyên đán \(28 tháng Chạp\) — Văn bản 8726\/VPCP-KGVX ngày 26\/11\/2024/);
    const national = await cli('calendar', 'appointment', '--at', '2026-08-21T10:00', '--days', '1');
    expect(national.stdout).toContain('Hẹn trả 10:00 thứ Bảy 22/08/2026.');
    expect(national.stdout).toContain('Làm bù cho thứ Hai 31/08 — Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ');
  }, 120_000);

  it('lists the holidays of a year as text', async () => {
    const { stdout } = await cli('calendar', 'holidays', '--year', '2026');
    expect(stdout).toContain('27/04/2026 thứ Hai');
    expect(stdout).toContain('Nghỉ bù Giỗ tổ Hùng Vương');
    expect(stdout).toContain('17/02/2026');
    expect(stdout).toContain('Theo kế hoạch đã công bố / announced plan: Bộ luật Lao động 45/2019/QH14');
  }, 90_000);

  it('refuses a bad duration with a coded error and exit 1', async () => {
    const err = await cli('calendar', 'appointment', '--at', '2025-04-25T14:30', '--days', 'abc', '--json').catch((e: { code: number; stdout: string }) => e);
    expect(err).toMatchObject({ code: 1 });
    expect(JSON.parse((err as { stdout: string }).stdout).error.code).toBe('CALENDAR_INVALID_DURATION');
  }, 90_000);
});
