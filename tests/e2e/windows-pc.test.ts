import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from './harness.ts';

// A counter PC left in a US zone (as fresh Windows images often are), on the built web host.
describe('a PC set to the wrong time zone (web host)', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp('web', { training: true, env: { TZ: 'America/Los_Angeles' } });
  });
  afterAll(async () => app?.close());

  it('warns in the status bar that the zone is not UTC+7', async () => {
    const warning = app.page.getByTestId('status-clock');
    await expect.poll(() => warning.textContent(), { timeout: 20_000 }).toMatch(/Múi giờ máy tính là UTC−0[78]:00: cần đặt UTC\+07:00/);
    await expect.poll(() => app.page.getByRole('status').first().textContent()).toContain('CHẾ ĐỘ ĐÀO TẠO');
  });

  it('shows the third-party licence notice in Settings → Diagnostics → About', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByRole('tab', { name: 'Chẩn đoán' }).click();
    await page.getByTestId('licences-toggle').click();
    await expect.poll(() => page.getByTestId('licences').textContent(), { timeout: 20_000 }).toMatch(/giấy phép của phần mềm bên thứ ba[\s\S]*better-sqlite3[\s\S]*Liberation Serif/);
  });
});
