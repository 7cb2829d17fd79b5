import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_SAMPLES } from '../../src-main/domain/identity/training-samples.ts';
import { openApp, type AppUnderTest } from './harness.ts';

/**
 * Typed applicant data at reception: a pasted, grouped ID number keeps its 12 digits, an impossible
 * date of birth is refused visibly, and a BHYT QR alone does not become the applicant.
 */
describe('reception: typed applicant data (training mode, web host)', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp('web', { training: true });
  });
  afterAll(async () => app?.close());

  it('a BHYT QR alone pre-fills the typed entry and asks for the ID number instead of becoming the applicant', async () => {
    const { page } = app;
    await page.getByTestId('qr-input').fill(TRAINING_SAMPLES.bhyt);
    await page.getByTestId('qr-input').press('Enter');
    await page.getByTestId('bhyt-needs-id').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('applicant-summary').count()).toBe(0);
    const useTyped = page.getByRole('button', { name: 'Dùng thông tin nhập tay' });
    expect(await useTyped.isDisabled()).toBe(true);
    expect(await page.getByTestId('manual-dob').inputValue()).toBe('01/01/1990');
  }, 60_000);

  it('a pasted ID number with spaces keeps all 12 digits; 31/02/1990 shows a Vietnamese error', async () => {
    const { page } = app;
    await page.getByTestId('manual-id').fill('0011 8501 2345');
    expect(await page.getByTestId('manual-id').inputValue()).toBe('001185012345');
    await page.getByTestId('manual-dob').fill('31/02/1990');
    await expect.poll(() => page.locator('#manual-dob-error').textContent()).toMatch(/^Ngày sinh không có thật/);
    const useTyped = page.getByRole('button', { name: 'Dùng thông tin nhập tay' });
    expect(await useTyped.isDisabled()).toBe(true);
    await page.getByTestId('manual-dob').fill('28/02/1990');
    expect(await page.locator('#manual-dob-error').count()).toBe(0);
    await useTyped.click();
    const applicant = page.getByTestId('applicant-summary');
    await applicant.waitFor();
    expect(await applicant.textContent()).toContain('001185012345');
  }, 60_000);

  it('discarding the unfinished reception asks first; cancelling keeps it', async () => {
    const { page } = app;
    const drafts = page.getByTestId('drafts');
    // The reception above is saved a moment after the last change; reloading before would lose it.
    await expect.poll(() => page.locator('.saved').textContent(), { timeout: 10_000 }).toBe('Đã lưu tạm');
    // The reception above is saved as a draft; a reload offers it for resuming.
    await expect
      .poll(async () => {
        await page.reload();
        await drafts.or(page.getByTestId('qr-input')).first().waitFor();
        return drafts.count();
      }, { timeout: 20_000, interval: 500 })
      .toBe(1);
    const questions: string[] = [];
    let answer = false;
    page.on('dialog', (d) => {
      questions.push(d.message());
      void (answer ? d.accept() : d.dismiss());
    });
    await drafts.getByRole('button', { name: 'Bỏ', exact: true }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/^Bỏ lượt tiếp nhận đang làm dở này\?/);
    expect(await drafts.locator('tbody tr').count()).toBe(1);
    answer = true;
    await drafts.getByRole('button', { name: 'Bỏ', exact: true }).click();
    await expect.poll(() => drafts.count(), { timeout: 10_000 }).toBe(0);
    expect(questions).toHaveLength(2);
  }, 60_000);
});
