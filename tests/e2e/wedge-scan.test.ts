import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TRAINING_SAMPLES } from '../../src-main/domain/identity/training-samples.ts';
import { openApp, type AppUnderTest } from './harness.ts';

/**
 * What a keyboard-wedge scanner does: the whole code as a burst of key presses, then Enter, with the
 * focus nowhere. Each character goes through Chromium's input pipeline as a key press (playwright's
 * `keyboard.type` would insert the Vietnamese letters as text without a keydown, which no scanner does).
 */
async function wedgeScan(page: Page, text: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  const cdp = await page.context().newCDPSession(page);
  try {
    // Sent without waiting for each reply (kept in order by the session), so a loaded machine's
    // round trips do not stretch the burst into something a person could type.
    const sends: Promise<unknown>[] = [];
    for (const ch of text) {
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch }));
      sends.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }));
    }
    await Promise.all(sends);
  } finally {
    await cdp.detach();
  }
  await page.keyboard.press('Enter');
}

/**
 * A keyboard-wedge QR scanner works on every screen where a code can arrive, without a click into a
 * field first: reception (a CCCD fills the applicant), dossiers (a slip code is looked up) and the
 * Settings QR test (which used to time out with this scanner type).
 */
describe('keyboard-wedge scanner without focus (training mode, web host)', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp('web', { training: true });
  });
  afterAll(async () => app?.close());

  it('reception: a CCCD QR burst fills the applicant', async () => {
    const { page } = app;
    await page.getByTestId('qr-input').waitFor();
    await wedgeScan(page, TRAINING_SAMPLES.cccd);
    const applicant = page.getByTestId('applicant-summary');
    await expect.poll(() => applicant.or(page.getByRole('alert')).first().textContent(), { timeout: 15_000 }).toContain('001090012345');
    expect(await applicant.textContent()).toContain('001090012345');
    expect(await applicant.textContent()).toContain('NGUYỄN VĂN AN');
    expect(await page.getByTestId('qr-input').inputValue()).toBe('');
  }, 60_000);

  it('dossiers: a slip-code burst is looked up (an unknown code is refused in Vietnamese)', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    const lookup = page.getByTestId('slip-lookup');
    await lookup.waitFor();
    await wedgeScan(page, '000.00.31.H42-990101-9999');
    await expect.poll(() => lookup.getByRole('alert').count(), { timeout: 15_000 }).toBe(1);
    // Plain Vietnamese first; the code only on the small details line.
    expect(await lookup.getByTestId('error-message').textContent()).toBe('Không tìm thấy hồ sơ.');
    expect(await lookup.getByTestId('error-code').textContent()).toMatch(/^Mã lỗi: [A-Z_]+$/);
  }, 60_000);

  it('settings: the QR test receives a wedge scan', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByRole('tablist', { name: 'Mục cài đặt' }).getByRole('tab', { name: 'Thiết bị', exact: true }).click();
    const qr = page.getByTestId('test-qr');
    await qr.getByRole('button', { name: 'Chờ quét mã QR' }).click();
    await qr.getByText('Đang chờ…').waitFor();
    await wedgeScan(page, TRAINING_SAMPLES.vneid);
    const result = qr.getByTestId('qr-test-result');
    await expect.poll(() => result.or(qr.getByRole('alert')).first().textContent(), { timeout: 15_000 }).toMatch(/^Đạt: TRẦN THỊ CÚC · •+\d{4} · .+ từ wedge \(wedge\)$/);
  }, 60_000);
});
