import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';

/**
 * Delivery in training mode, offline first: the embedded reference server is taken "offline"
 * (it stops listening), a dossier is accepted at the counter and waits in the queue with its
 * provisional code; once the network is back the real outbox/uploader delivers it and the official
 * code issued by the server replaces the provisional one.
 */
const OFFICIAL = /^000\.00\.31\.H42-\d{6}-\d{4}$/;

async function nav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();
}

async function setNetwork(page: Page, online: boolean): Promise<void> {
  const sw = page.getByTestId('training-network');
  await sw.waitFor();
  await sw.getByRole('button', { name: online ? 'Nối lại mạng (đào tạo)' : 'Ngắt mạng (đào tạo)' }).click();
  await page.locator(`[data-testid="training-network"][data-online="${online}"]`).waitFor();
}

/** Procedure, components, appointment, accept: the reception steps after the applicant is known. */
async function acceptDossier(app: AppUnderTest, shot: string): Promise<string> {
  const { page } = app;
  await page.getByRole('button', { name: 'Tiếp tục (Ctrl+Enter)' }).click();
  await page.getByLabel('Tìm thủ tục theo tên hoặc mã (không cần dấu)').fill('ban sao tu so goc');
  await page.getByRole('option').first().getByRole('button').click();
  const checklist = page.getByTestId('component-checklist');
  await checklist.waitFor();
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('appointment-preview').waitFor();
  await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (Mẫu 01)' }).click();
  const code = page.getByTestId('dossier-code');
  await code.waitFor({ timeout: 30_000 });
  await app.screenshot(`${shot}-accepted-offline`, { readme: shot === 'delivery-qr' ? 'delivery-accepted-offline' : undefined });
  return ((await code.textContent()) ?? '').trim();
}

/** The whole offline → queued → online → confirmed path, after `identify` found the applicant. */
async function offlineThenDelivered(app: AppUnderTest, shot: string, identify: (page: Page) => Promise<void>): Promise<string> {
  const { page } = app;
  await nav(page, 'Tiếp nhận');
  await setNetwork(page, false);
  await expect.poll(() => page.getByTestId('queue-banner').textContent(), { timeout: 15_000 }).toContain('mất kết nối');

  await identify(page);
  const provisional = await acceptDossier(app, shot);
  expect(provisional).toMatch(/^000\.00\.31\.H42-\d{6}-/);
  expect(provisional).not.toMatch(OFFICIAL);

  await nav(page, 'Hàng đợi gửi');
  const row = page.getByTestId('queue-row').filter({ hasText: provisional });
  await row.waitFor();
  const dossierId = await row.getAttribute('data-dossier');
  expect(await row.getAttribute('data-state')).toMatch(/^(pending|sending|failed-retrying)$/);
  expect(await row.textContent()).toContain('(tạm)');
  await expect.poll(() => page.getByTestId('queue-banner').textContent()).toContain('mất kết nối');
  await app.screenshot(`${shot}-queued`, { readme: shot === 'delivery-qr' ? 'delivery-offline-queued' : undefined });

  await nav(page, 'Tiếp nhận');
  await setNetwork(page, true);
  await nav(page, 'Hàng đợi gửi');
  await page.getByLabel('Hiện cả hồ sơ đã xác nhận').check();
  const confirmed = page.locator(`[data-testid="queue-row"][data-dossier="${dossierId}"][data-state="confirmed"]`);
  await confirmed.waitFor({ timeout: 30_000 });
  const official = ((await confirmed.getByTestId('queue-code').textContent()) ?? '').trim();
  expect(official).toMatch(OFFICIAL);
  expect(official).not.toBe(provisional);
  expect(await confirmed.textContent()).not.toContain('(tạm)');
  expect(await page.getByTestId('queue-banner').count()).toBe(0);
  await app.screenshot(`${shot}-confirmed`, { readme: shot === 'delivery-qr' ? 'delivery-confirmed' : undefined });

  // The dossier itself now carries the official code (the provisional one is gone from the list).
  await nav(page, 'Hồ sơ');
  const dossiers = page.getByTestId('dossier-table');
  await dossiers.waitFor();
  await expect.poll(() => dossiers.textContent()).toContain(official);
  expect(await dossiers.textContent()).not.toContain(provisional);
  return official;
}

describeEachHost('delivery offline first, in training mode (%s)', (host) => {
  let app: AppUnderTest;
  // One training profile for both: the second dossier also checks that the first's code is not reused.
  beforeAll(async () => {
    app = await openApp(host, { training: true });
  }, 60_000);
  afterAll(async () => app?.close());

  it('accepts a dossier offline (simulated QR), shows it queued, and confirms it with its official code once the network is back', async () => {
    await offlineThenDelivered(app, 'delivery-qr', async (page) => {
      await page.getByRole('button', { name: 'Giả lập quét QR căn cước' }).click();
      await page.getByTestId('applicant-summary').waitFor();
    });
  }, 75_000);

  it('the same with a card tap on the simulated chip reader (face, DG13, passive authentication valid)', async () => {
    const official = await offlineThenDelivered(app, 'delivery-card', async (page) => {
      await page.getByRole('button', { name: 'Giả lập chạm thẻ CCCD (đào tạo)' }).click();
      const panel = page.locator('.card-read-panel');
      await panel.getByText('Dữ liệu chip xác thực: hợp lệ').waitFor();
      expect(await panel.getByRole('img', { name: 'Ảnh chân dung trên chip' }).count()).toBe(1);
      expect(await panel.textContent()).toContain('Nguyễn Văn An');
      const applicant = page.getByTestId('applicant-summary');
      await applicant.waitFor();
      expect(await applicant.textContent()).toContain('001090012345');
    });
    // Every confirmed dossier of this profile has its own official code (the first's is not reused);
    // counted from the queue itself, so the check holds whether or not the first case ran.
    await nav(app.page, 'Hàng đợi gửi');
    await app.page.getByLabel('Hiện cả hồ sơ đã xác nhận').check();
    const codes = await app.page.locator('[data-testid="queue-row"][data-state="confirmed"] [data-testid="queue-code"]').allTextContents();
    expect(codes.map((c) => c.trim())).toContain(official);
    expect(new Set(codes).size).toBe(codes.length);
  }, 75_000);
});
