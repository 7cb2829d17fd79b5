import { afterAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, SCREENSHOTS, startWebHost } from './harness.ts';
import type { ManagedChild } from '../support/children.ts';

/**
 * Issue 8: a page scanned into a reception survives the web host being killed (SIGKILL, as a power
 * cut would stop it — no graceful close). The officer resumes the draft and sees the page again.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'osc-e2e-scan-crash-'));
const browsers: Browser[] = [];
const hosts: ManagedChild[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
  for (const h of hosts) await h.stop(); // also when the test failed half-way
});

async function open(): Promise<{ page: Page; kill: () => void }> {
  const { url, child } = await startWebHost({ training: true, dataDir });
  hosts.push(child);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--disable-gpu', '--no-first-run'] });
  browsers.push(browser);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(url);
  // The host and what it spawned (tsx runs it in a child node process): its whole process group, at once.
  return { page, kill: () => child.kill('SIGKILL') };
}

it('a scanned page is back after the host is killed and the draft is resumed', async () => {
  const first = await open();
  const { page } = first;
  await page.getByRole('button', { name: 'Giả lập quét QR căn cước' }).click();
  await page.getByTestId('applicant-summary').waitFor();
  await page.getByRole('button', { name: 'Tiếp tục (Ctrl+Enter)' }).click();
  await page.getByLabel('Tìm thủ tục theo tên hoặc mã (không cần dấu)').fill('ban sao tu so goc');
  await page.getByRole('option').first().getByRole('button').click();
  const panel = page.getByRole('region', { name: 'Quét hồ sơ' });
  // The panel has its session once the Scan button shows (before that it offers Stop).
  await panel.getByRole('button', { name: 'Quét', exact: true }).waitFor({ timeout: 30_000 });
  await panel.locator('input[type=file]').setInputFiles(join(ROOT, 'fixtures', 'scans', 'card-back-mrz.jpg'));
  await panel.locator('.scan-thumbs img').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000); // the draft's debounced save (250 ms)
  await page.screenshot({ path: join(SCREENSHOTS, 'web-scan-crash-1-before.png') });
  first.kill();

  const second = await open();
  await second.page.getByTestId('drafts').getByRole('button', { name: 'Tiếp tục' }).first().click();
  const again = second.page.getByRole('region', { name: 'Quét hồ sơ' });
  await again.locator('.scan-thumbs img').first().waitFor({ timeout: 30_000 });
  expect(await again.locator('.scan-thumbs li').count()).toBe(1);
  await second.page.screenshot({ path: join(SCREENSHOTS, 'web-scan-crash-2-resumed.png') });
  second.kill();
}, 180_000);
