import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostsUnderTest, openApp, ROOT, type AppUnderTest } from './harness.ts';

const SCANS = join(ROOT, 'fixtures', 'scans');

/**
 * Issue 8's scenario, as a new officer walks it in training mode: identify the applicant, find the
 * procedure without accents, digitize two components (a blank page is flagged and scanned again),
 * accept, get Mẫu 01 — then find the dossier again.
 */
describe.each(hostsUnderTest())('a counter officer’s reception, end to end (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp(host, { training: true });
  }, 120_000);
  afterAll(async () => app?.close());

  it('receives a dossier with two digitized components and a rescanned bad page, and prints Mẫu 01', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Giả lập quét QR căn cước' }).click();
    await page.getByTestId('applicant-summary').waitFor();
    const applicantName = (await page.getByTestId('applicant-summary').getByRole('heading').textContent()) ?? '';
    await page.keyboard.press('Control+Enter');

    await page.getByLabel('Tìm thủ tục theo tên hoặc mã (không cần dấu)').fill('dang ky khai sinh');
    await page.getByRole('option').first().getByRole('button').click();
    const checklist = page.getByTestId('component-checklist');
    await checklist.waitFor();
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();

    // Component 1: the officer feeds the birth declaration and, by mistake, a blank sheet.
    const target = page.getByTestId('scan-target');
    const names = await target.locator('option').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(2);
    await target.selectOption({ index: 0 });
    await page.locator('.file-import input[type=file]').setInputFiles([join(SCANS, 'form-khai-sinh.jpg'), join(SCANS, 'blank-back.jpg')]);
    const blank = page.locator('li[data-flags~="blank"]');
    await blank.waitFor({ timeout: 60_000 });
    await app.screenshot('day-1-blank-flagged');

    // The flagged page is scanned again on the (simulated) flatbed; the blank one is gone.
    await blank.getByRole('button', { name: 'Quét lại trang này' }).click();
    await expect.poll(() => page.locator('li[data-flags~="blank"]').count(), { timeout: 60_000 }).toBe(0);

    // Component 2: a second paper, imported as a file.
    await target.selectOption({ index: 1 });
    await page.locator('.file-import input[type=file]').setInputFiles([join(SCANS, 'table-thanh-phan.jpg')]);
    await expect.poll(() => page.locator('.scan-thumbs li').count(), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => page.locator('.scan-thumbs li[data-page-state="done"]').count(), { timeout: 120_000 }).toBe(3);
    await app.screenshot('day-2-scanned');

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('appointment-preview').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (Mẫu 01)' }).click();
    const code = page.getByTestId('dossier-code');
    await code.waitFor({ timeout: 60_000 });
    expect(await code.textContent()).toMatch(/^000\.00\.31\.H42-\d{6}-/);
    await page.getByTestId('form-preview-receipt').locator('img').waitFor();
    await app.screenshot('day-3-accepted');

    // Later the same day: the dossier is found by the applicant's name, without accents.
    await page.getByRole('navigation').getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    const plain = applicantName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    await page.getByRole('searchbox').or(page.getByLabel(/Tìm/)).first().fill(plain);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dossier-row').filter({ hasText: (applicantName.split(' ').pop() ?? '') }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await app.screenshot('day-4-found');
  }, 300_000);
});
