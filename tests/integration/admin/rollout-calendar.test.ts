import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core.ts';
import type { AnnouncedPlan, Appointment, YearCalendar } from '../../../src-main/contract/calendar.ts';

const profile = () => createCore({ dataDir: mkdtempSync(join(tmpdir(), 'osc-rollout-cal-')), host: 'cli', version: '1', probes: [] });

async function ok<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message.en}`);
  return r.value as T;
}

/** A made-up 2027 plan as IT would type it from the ministry's notice. */
const plan = (year: number, ref: string): AnnouncedPlan => ({
  year,
  sources: [{ ref, issuedOn: `${year - 1}-10-20`, kind: { vi: 'Thông báo', en: 'Notice' }, issuer: { vi: 'Bộ Nội vụ', en: 'Ministry of Home Affairs' } }],
  daysOff: [
    { date: `${year}-02-04`, kind: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Tết' }, source: ref },
    { date: `${year}-02-05`, kind: 'holiday', name: { vi: 'Tết Nguyên đán', en: 'Tết' }, source: ref },
  ],
  workingDays: [],
});

describe('rollout: next year’s holiday plan in the signed file', () => {
  it('travels in its own calendar section, reaches a commune that had no plan, and names its notice there', async () => {
    const district = profile();
    await ok(district, 'settings.set', { calendar: { announcedPlans: [plan(2027, '7777/TB-BNV')] } });
    const key = await ok<{ privateKeyPem: string; fingerprint: string }>(district, 'config.keygen', { passphrase: 'district-pass-123' });
    const bundle = await ok<{ calendar?: { plans: AnnouncedPlan[] }; settings: { calendar: Record<string, unknown> } }>(district, 'config.export', {
      privateKeyPem: key.privateKeyPem,
      keyPassphrase: 'district-pass-123',
      issuer: 'Phòng CNTT huyện',
    });
    expect(bundle.calendar?.plans.map((p) => p.year)).toEqual([2027]);
    expect(bundle.settings.calendar).not.toHaveProperty('announcedPlans');

    const commune = profile();
    await ok(commune, 'settings.set', { calendar: { announcedPlans: [plan(2028, '1/TB-BNV')] } });
    expect((await ok<YearCalendar>(commune, 'calendar.holidays', { year: 2027 })).announced).toBe(false);
    const result = await ok<{ sections: string[] }>(commune, 'config.import', { bundle, trustFingerprint: key.fingerprint });
    expect(result.sections).toContain('calendar.plan.2027');

    const year = await ok<YearCalendar>(commune, 'calendar.holidays', { year: 2027 });
    expect(year).toMatchObject({ announced: true, sources: [{ vi: 'Thông báo 7777/TB-BNV ngày 20/10/2026 của Bộ Nội vụ' }] });
    expect(year.daysOff.map((d) => d.date)).toEqual(['2027-02-04', '2027-02-05']);
    // The commune's own 2028 plan is kept.
    expect((await ok<YearCalendar>(commune, 'calendar.holidays', { year: 2028 })).announced).toBe(true);
    // Wed 03/02/2027 10:00 + 1 day: 5 h; Thu 4, Fri 5 off by the notice, weekend; Mon 8: 3 h → 10:00
    const r = await ok<Appointment>(commune, 'calendar.appointment', { receivedAt: '2027-02-03T10:00', processingTime: { value: 1, unit: 'working-days' } });
    expect(r.appointmentAt).toBe('2027-02-08T10:00:00+07:00');
    expect(r.explanation.vi).toContain('Thông báo 7777/TB-BNV ngày 20/10/2026 của Bộ Nội vụ (04/02, 05/02)');
  });

  it('a plan changed after signing is refused', async () => {
    const district = profile();
    await ok(district, 'settings.set', { calendar: { announcedPlans: [plan(2027, '7777/TB-BNV')] } });
    const key = await ok<{ privateKeyPem: string; fingerprint: string }>(district, 'config.keygen', { passphrase: 'district-pass-123' });
    const bundle = await ok<{ calendar: { plans: AnnouncedPlan[] } }>(district, 'config.export', { privateKeyPem: key.privateKeyPem, keyPassphrase: 'district-pass-123', issuer: 'CNTT' });
    const tampered = structuredClone(bundle);
    tampered.calendar.plans[0]!.daysOff[1]!.date = '2027-02-09';
    const r = await profile().call('config.import', { bundle: tampered, trustFingerprint: key.fingerprint });
    expect(r).toMatchObject({ ok: false, error: { code: 'ROLLOUT_BAD_SIGNATURE' } });
  });
});
