import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHost, openApp, ROOT, type AppUnderTest } from './harness.ts';

const SCANS = join(ROOT, 'fixtures', 'scans');

const nav = (page: Page, label: string) => page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();

async function setNetwork(page: Page, online: boolean): Promise<void> {
  const sw = page.getByTestId('training-network');
  await sw.waitFor();
  if ((await sw.getAttribute('data-online')) === String(online)) return;
  await sw.getByRole('button', { name: online ? 'Nối lại mạng (đào tạo)' : 'Ngắt mạng (đào tạo)' }).click();
  await page.locator(`[data-testid="training-network"][data-online="${online}"]`).waitFor();
}

/**
 * Issue 8's scenario, as a new officer walks it in training mode: a card tap identifies the
 * applicant, the procedure is found without accents, two components are digitized (a blank page is
 * flagged and scanned again), the dossier is accepted with Mẫu 01, and later the result is returned
 * by scanning the code on the citizen's slip. Once with the network up, once with it down until the
 * end — then the queue delivers it and the official code comes back.
 */
describeEachHost('a counter officer’s day, end to end (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp(host, { training: true });
  }, 120_000);
  afterAll(async () => app?.close());

  it.each([
    ['online', true],
    ['network-down', false],
  ])('reception, digitization with a rescanned page, Mẫu 01 and returning the result (%s)', async (shot, online) => {
    const { page } = app;
    const readme = (name: string) => ({ readme: online ? name : undefined }); // the README shows the online walk
    await nav(page, 'Tiếp nhận');
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).or(page.getByRole('button', { name: 'Giả lập chạm thẻ CCCD (đào tạo)' })).first().waitFor();
    if (await page.getByTestId('accepted').count()) await page.getByRole('button', { name: 'Tiếp nhận hồ sơ mới' }).click();
    await setNetwork(page, online);

    // 1. The citizen taps the chip ID card.
    await page.getByRole('button', { name: 'Giả lập chạm thẻ CCCD (đào tạo)' }).click();
    await page.locator('.card-read-panel').getByText('Dữ liệu chip xác thực: hợp lệ').waitFor({ timeout: 30_000 });
    const applicant = page.getByTestId('applicant-summary');
    await applicant.waitFor();
    expect(await applicant.textContent()).toMatch(/\d{12}/);
    await app.screenshot(`day-${shot}-1-card`, readme('card-tap'));
    await page.keyboard.press('Control+Enter');

    // 2. The procedure, typed without accents.
    await page.getByLabel('Tìm thủ tục theo tên hoặc mã (không cần dấu)').fill('dang ky khai sinh');
    await page.getByRole('option').first().getByRole('button').click();
    const checklist = page.getByTestId('component-checklist');
    await checklist.waitFor();
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();

    // 3. Component 1: the declaration and, by mistake, a blank sheet; the blank one is flagged and rescanned.
    const target = page.getByTestId('scan-target');
    expect((await target.locator('option').allTextContents()).length).toBeGreaterThanOrEqual(2);
    await target.selectOption({ index: 0 });
    await page.locator('.file-import input[type=file]').setInputFiles([join(SCANS, 'form-khai-sinh.jpg'), join(SCANS, 'blank-back.jpg')]);
    const blank = page.locator('li[data-flags~="blank"]');
    await blank.waitFor({ timeout: 60_000 });
    await app.screenshot(`day-${shot}-2-blank-flagged`, readme('scan-blank-flagged'));
    await blank.getByRole('button', { name: 'Quét lại trang này' }).click();
    await expect.poll(() => page.locator('li[data-flags~="blank"]').count(), { timeout: 60_000 }).toBe(0);

    // Component 2: a second paper.
    await target.selectOption({ index: 1 });
    await page.locator('.file-import input[type=file]').setInputFiles([join(SCANS, 'table-thanh-phan.jpg')]);
    await expect.poll(() => page.locator('.scan-thumbs li').count(), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => page.locator('.scan-thumbs li[data-page-state="done"]').count(), { timeout: 120_000 }).toBe(3);
    // The recognised Vietnamese text is shown beside the page.
    await page.locator('.scan-thumbs li img').first().click();
    await expect.poll(() => page.locator('.scan-text').textContent(), { timeout: 30_000 }).toMatch(/TỜ KHAI|khai sinh/i);
    await app.screenshot(`day-${shot}-3-scanned`);

    // 4. Accept: Mẫu 01 with the appointment.
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('appointment-preview').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (Mẫu 01)' }).click();
    const codeEl = page.getByTestId('dossier-code');
    await codeEl.waitFor({ timeout: 60_000 });
    const code = ((await codeEl.textContent()) ?? '').trim();
    const dossierId = await codeEl.getAttribute('data-dossier');
    expect(dossierId).toBeTruthy();
    expect(code).toMatch(/^000\.00\.31\.H42-\d{6}-T01-[0-9A-HJKMNP-TV-Z]{4}-\d{4}$/);
    await page.getByTestId('form-preview-receipt').locator('img').waitFor();
    expect(await page.getByTestId('due-at').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await app.screenshot(`day-${shot}-4-accepted`, readme('reception-accepted'));

    // 5. Later: the citizen brings the slip; its code is scanned and the result handed over.
    await nav(page, 'Hồ sơ');
    await page.getByTestId('slip-code').fill(code.toLowerCase());
    await page.getByTestId('slip-code').press('Enter');
    await page.getByTestId('dossier-detail').waitFor();
    await page.getByTestId('return-result').waitFor();
    await expect.poll(() => page.getByTestId('return-result').getAttribute('data-session'), { timeout: 20_000 }).not.toBe('');
    await page.getByTestId('result-file').setInputFiles(join(SCANS, 'receipt-hen-tra.jpg'));
    await expect.poll(() => page.getByTestId('result-pages').textContent(), { timeout: 60_000 }).toBe('1');
    await page.getByTestId('collected-by').fill('Nguyễn Văn An');
    await page.getByTestId('confirm-return').click();
    await page.getByTestId('return-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('current-status').textContent()).toBe('10. Đã trả kết quả');
    await app.screenshot(`day-${shot}-5-returned`, readme('result-returned'));

    // 6. Delivery: with the network down it waits in the queue; once it is back, the official code arrives.
    if (!online) {
      await nav(page, 'Tiếp nhận');
      await setNetwork(page, true);
    }
    await nav(page, 'Hàng đợi gửi');
    await page.getByLabel('Hiện cả hồ sơ đã xác nhận').check();
    // This dossier's own row (not an earlier one's) is confirmed with the code the province issued.
    const confirmed = page.locator(`[data-testid="queue-row"][data-dossier="${dossierId}"][data-state="confirmed"]`);
    await confirmed.waitFor({ timeout: 90_000 });
    const official = ((await confirmed.getByTestId('queue-code').textContent()) ?? '').trim();
    expect(official).toMatch(/^000\.00\.31\.H42-\d{6}-\d{4}$/);
    expect(official).not.toBe(code);
    // The dossier's provisional code is replaced by that official one in the list.
    await nav(page, 'Hồ sơ');
    await page.getByTestId('dossier-table').waitFor();
    await expect.poll(async () => {
      await nav(page, 'Hàng đợi gửi');
      await nav(page, 'Hồ sơ');
      return (await page.getByTestId('dossier-table').textContent()) ?? '';
    }, { timeout: 90_000, interval: 2_000 }).toContain(official);
    expect((await page.getByTestId('dossier-table').textContent()) ?? '').not.toContain(code);
    await app.screenshot(`day-${shot}-6-delivered`);
  }, 420_000);
});
