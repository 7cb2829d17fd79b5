import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';

describeEachHost('reception in training mode (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp(host, { training: true });
  });
  afterAll(async () => app?.close());

  it('identifies the applicant from a simulated CCCD QR, picks a procedure, ticks components, accepts and gets Mẫu 01', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Giả lập quét QR căn cước' }).click();
    const applicant = page.getByTestId('applicant-summary');
    await applicant.waitFor();
    expect(await applicant.textContent()).toMatch(/\d{12}/);
    await app.screenshot('reception-1-applicant');

    await page.getByRole('button', { name: 'Tiếp tục (Ctrl+Enter)' }).click();
    await page.getByLabel('Tìm thủ tục theo tên hoặc mã (không cần dấu)').fill('ban sao tu so goc');
    await page.getByRole('option').first().getByRole('button').click();
    await app.screenshot('reception-2-procedure');

    const checklist = page.getByTestId('component-checklist');
    await checklist.waitFor();
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();
    await app.screenshot('reception-3-components');

    await page.keyboard.press('Control+Enter');
    await page.getByTestId('appointment-preview').waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn (Mẫu 01)' }).click();
    const code = page.getByTestId('dossier-code');
    await code.waitFor({ timeout: 30_000 });
    expect(await code.textContent()).toMatch(/^000\.00\.31\.H42-\d{6}-/);
    await page.getByTestId('form-preview-receipt').locator('img').waitFor();
    expect(await page.getByTestId('due-at').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await app.screenshot('reception-4-accepted');
  }, 120_000);
});
