import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';
import { createCore } from '../../src-main/core.ts';
import { createSoftHsm, initToken, SOFTHSM_MODULE } from '../sim/pki/softhsm.ts';
import { createTestPki } from '../sim/pki/test-pki.ts';
import { samplePdf } from '../sim/pki/sample-pdf.ts';
import { call, seedDossier } from '../integration/dossiers/seed.ts';

const PIN = '135790';

/**
 * A data folder with one accepted dossier (two scanned components, one paper-only, Mẫu 01 issued),
 * and signing configured for a SoftHSM2 token whose CA is trusted — written through the real core
 * before the app starts. SOFTHSM2_CONF is set in this process, so the web host inherits it.
 */
async function seeded(): Promise<{ dataDir: string; code: string; name: string }> {
  const pki = createTestPki();
  const hsm = createSoftHsm();
  initToken(hsm, 'Officer', PIN, [{ party: pki.officer, id: '01' }], [pki.caDerPath]);
  const dataDir = mkdtempSync(join(tmpdir(), 'osc-e2e-detail-'));
  const core = createCore({ dataDir, host: 'cli', version: 'e2e', probes: [] });
  try {
    await call(core, 'settings.set', { signing: { trustAnchorsPem: [pki.caPem], pkcs11Modules: [SOFTHSM_MODULE], tsaUrl: '', checkRevocation: false } });
    const name = 'Đỗ Thị Thu Hà';
    const d = await seedDossier(core, name);
    await call(core, 'reception.issueForm', { form: 'receipt', dossierId: d.id, print: false });
    return { dataDir, code: d.provisionalCode ?? '', name };
  } finally {
    await core.close();
  }
}

/** Share of canvas pixels that are not white: pdf.js really drew the page. */
const inkedShare = (app: AppUnderTest) =>
  app.page.getByTestId('pdf-canvas').evaluate((c: HTMLCanvasElement) => {
    const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) ink++;
    return ink / (data.length / 4);
  });

describeEachHost('dossier detail, signing and returning the result (%s)', (host) => {
  let app: AppUnderTest;
  let seed: Awaited<ReturnType<typeof seeded>>;
  const errors: string[] = [];
  beforeAll(async () => {
    seed = await seeded();
    app = await openApp(host, { training: true, dataDir: seed.dataDir });
    app.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    app.page.on('pageerror', (e) => errors.push(String(e)));
  }, 120_000);
  afterAll(async () => app?.close());

  it('opens the dossier from the list: codes, applicant, dates, national status names, components and forms', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    await page.getByTestId('dossier-row').filter({ hasText: seed.name }).dblclick();
    await page.getByTestId('dossier-detail').waitFor();
    await expect.poll(() => page.getByTestId('provisional-code').textContent(), { timeout: 10_000 }).toBe(seed.code);
    expect(await page.getByTestId('applicant-name').textContent()).toBe(seed.name);
    expect(await page.getByTestId('applicant-trust').textContent()).toContain('Đọc bằng máy (QR/MRZ), chưa xác thực chip');
    expect(await page.getByTestId('received-at').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(await page.getByTestId('due-at').textContent()).toBe('06/05/2030 10:00');
    expect(await page.getByTestId('current-status').textContent()).toBe('2. Được tiếp nhận');
    expect(await page.getByTestId('status-history').textContent()).toContain('1. Mới đăng ký');
    await expect.poll(() => page.getByTestId('component-row').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => page.getByTestId('form-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('form-row').textContent()).toMatch(/Mẫu 01.*[0-9a-f]{64}/);
    await app.screenshot('dossier-detail', { readme: 'dossier-detail' });
  }, 60_000);

  it('renders the component PDF with pdf.js on a canvas under the app CSP, with page navigation and zoom', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('pdf-canvas').getAttribute('data-rendered'), { timeout: 20_000 }).toBe('1@1');
    expect(await inkedShare(app)).toBeGreaterThan(0.001);
    expect(await page.getByTestId('viewer-page').textContent()).toBe('Trang 1/2');
    await page.getByTestId('viewer-next').click();
    await expect.poll(() => page.getByTestId('pdf-canvas').getAttribute('data-rendered'), { timeout: 20_000 }).toBe('2@1');
    await page.getByRole('button', { name: 'Phóng to' }).click();
    await expect.poll(() => page.getByTestId('pdf-canvas').getAttribute('data-rendered'), { timeout: 20_000 }).toBe('2@1.25');
    expect(await inkedShare(app)).toBeGreaterThan(0.001);
    await app.screenshot('dossier-detail-viewer');
    expect(errors.filter((e) => /Content Security Policy|worker/i.test(e))).toEqual([]);
  }, 60_000);

  it('signs every component with one PIN through the SoftHSM2 token and shows the verification badges', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('signature-badge').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('[data-testid="signature-badge"][data-status="unknown"]').count()).toBe(2);
    await page.getByTestId('sign-all').click();
    await page.getByTestId('signing-pin').fill(PIN);
    await expect.poll(() => page.getByTestId('signing-submit').isEnabled(), { timeout: 20_000 }).toBe(true);
    await page.getByTestId('signing-submit').click();
    await expect.poll(() => page.getByTestId('signing-result').textContent(), { timeout: 30_000 }).toContain('2');
    await expect.poll(() => page.locator('[data-testid="signature-badge"][data-status="valid"]').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('signature-badge').first().textContent()).toContain('Nguyễn Thị Hồng Nhung');
    // The viewer now shows the signed copy, still drawn by pdf.js.
    await expect.poll(() => page.getByTestId('pdf-canvas').getAttribute('data-rendered'), { timeout: 20_000 }).toMatch(/^1@/);
    await app.screenshot('dossier-detail-signed');
  }, 90_000);

  it('reprints Mẫu 01: archived again with its hash listed', async () => {
    const { page } = app;
    await page.getByTestId('reprint').first().click();
    // Rendering, archiving and the on-screen preview take a few seconds on a busy 2-core machine.
    await page.getByTestId('reprint-result').waitFor({ timeout: 80_000 });
    // Printing archives the printed copy too (print service), so the reprint adds one or two rows.
    await expect.poll(() => page.getByTestId('form-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await app.screenshot('dossier-detail-reprint');
  }, 90_000);

  it('returns the result: the slip code typed (as a wedge scanner would, then Enter), the result file digitized, status 10', async () => {
    const { page } = app;
    await page.getByTestId('detail-back').click();
    await page.getByTestId('slip-code').fill(seed.code.toLowerCase());
    await page.getByTestId('slip-code').press('Enter');
    await page.getByTestId('dossier-detail').waitFor();
    await page.getByTestId('return-result').waitFor();
    // The result gets its own scan session; the file field is live once it is open.
    await expect.poll(() => page.getByTestId('return-result').getAttribute('data-session'), { timeout: 20_000 }).not.toBe('');
    await page.getByTestId('result-file').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await samplePdf(1)) });
    await expect
      .poll(async () => `${await page.getByTestId('result-pages').textContent()} ${(await page.getByRole('alert').allTextContents()).join(' ')}`.trim(), { timeout: 60_000 })
      .toBe('1');
    await page.getByTestId('collected-by').fill('Đỗ Văn Nam');
    await page.getByTestId('confirm-return').click();
    await page.getByTestId('return-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('current-status').textContent()).toBe('10. Đã trả kết quả');
    const history = await page.getByTestId('status-history').textContent();
    expect(history).toContain('9. Đã xử lý xong');
    expect(history).toContain('Người nhận kết quả: Đỗ Văn Nam');
    await expect.poll(() => page.getByTestId('component-row').count(), { timeout: 10_000 }).toBe(4);
    expect(await page.getByTestId('component-row').last().textContent()).toContain('Kết quả giải quyết thủ tục hành chính');
    await app.screenshot('dossier-detail-returned');
  }, 150_000);
});
