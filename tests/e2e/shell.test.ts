import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';

describeEachHost('app shell (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp(host, { training: true });
  });
  afterAll(async () => app?.close());

  it('opens in Vietnamese with every section reachable from the navigation', async () => {
    const { page } = app;
    await expect.poll(() => page.title()).toBe('Quầy Một cửa');
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).waitFor();
    const sections: Array<[string, string]> = [
      ['Hồ sơ', 'Tra cứu hồ sơ'],
      ['Trạm y tế', 'Đón tiếp người bệnh'],
      ['Hàng đợi gửi', 'Hàng đợi gửi lên hệ thống tỉnh'],
      ['Cài đặt', 'Cài đặt'],
      ['Tiếp nhận', 'Tiếp nhận hồ sơ'],
    ];
    for (const [nav, heading] of sections) {
      await page.getByRole('navigation').getByRole('button', { name: nav, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await app.screenshot(`section-${nav}`);
    }
  });

  it('switches sections from the keyboard (Alt+2 → Hồ sơ)', async () => {
    await app.page.keyboard.press('Alt+2');
    await app.page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
  });

  it('shows live status in the status bar, marked as training mode', async () => {
    const bar = app.page.getByRole('status').first();
    await expect.poll(() => bar.textContent()).toContain('CHẾ ĐỘ ĐÀO TẠO');
    await expect.poll(() => app.page.getByTestId('status-server').textContent()).toContain('Máy chủ tỉnh');
  });

  it('saves the agency in settings through the core and keeps it after a reload', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByLabel('Tên cơ quan').fill('UBND xã Tân Lập');
    await page.getByLabel('Mã định danh cơ quan').fill('000.00.31.H42');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu cấu hình.').waitFor();
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await expect.poll(() => page.getByLabel('Tên cơ quan').inputValue()).toBe('UBND xã Tân Lập');
    await app.screenshot('settings');
  });

  it('switches the whole UI to English and back', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).waitFor();
  });
});
