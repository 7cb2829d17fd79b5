import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';
import { seedMonth } from '../integration/reports/seed-month.ts';

const POLL = { timeout: 15_000 };

describeEachHost('Reports screen (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-e2e-reports-'));
    seedMonth(dataDir);
    app = await openApp(host, { dataDir });
  }, 90_000);
  afterAll(async () => app?.close());

  it('shows the hand-computed March figures, opens the late ones, and exports the same to .xlsx', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    await page.getByTestId('report-from').fill('01/03/2026');
    await page.getByTestId('report-to').fill('31/03/2026');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.getByTestId('report-row-received').textContent(), POLL).toContain('4');
    expect((await page.getByTestId('report-row-fullyDigitized').textContent())?.replace(/\s+/g, ' ')).toContain('3475 %');
    expect(await page.getByTestId('report-row-late').textContent()).toContain('50 %');
    await page.getByTestId('report-row-late').getByRole('button').click();
    await expect.poll(() => page.getByTestId('report-behind-row').count(), POLL).toBe(2);
    expect(await page.getByTestId('report-chart').locator('rect').count()).toBe(1);
    await app.screenshot('reports-month');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất Excel (.xlsx)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('bao-cao-01032026-31032026.xlsx');
    const rows = await readSheet(readFileSync(await file.path()), 'Tổng hợp');
    expect(rows.find((r) => r[0] === 'Hồ sơ tiếp nhận trong kỳ')?.[1]).toBe(4);
  });

  it('refuses an impossible range with a Vietnamese message', async () => {
    const { page } = app;
    await page.getByTestId('report-from').fill('31/02/2026');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent(), POLL).toContain('Ngày không hợp lệ');
  });
});
