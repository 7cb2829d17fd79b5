import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';
import { openStore } from '../../src-main/store/store.ts';
import { draft, AGENCY } from '../unit/store/helpers.ts';

/** A data folder holding 45 accepted dossiers, written through the real store before the app starts. */
function seededDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'osc-e2e-dossiers-'));
  const store = openStore({ dataDir: dir, agency: () => AGENCY });
  for (let i = 0; i < 44; i++) store.dossiers.accept(draft({ receivedAt: new Date(Date.UTC(2026, 2, 2, 1, i)).toISOString() }, `Trần Thị Mẫu ${i}`, `0011900000${String(i).padStart(2, '0')}`));
  const an = store.dossiers.accept(draft({ receivedAt: '2026-03-01T02:00:00Z', procedureName: 'Chứng thực bản sao từ bản chính' }, 'Nguyễn Văn An', '001085012345'));
  store.dossiers.setOfficialCode(an.id, '000.00.31.H42-260301-0001');
  store.close();
  return dir;
}

describeEachHost('Dossiers screen (%s)', (host) => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp(host, { dataDir: seededDataDir() });
  }, 90_000);
  afterAll(async () => app?.close());

  it('lists dossiers newest first, 20 a page, marking provisional codes', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' }).waitFor();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(20);
    await expect.poll(() => page.getByTestId('dossier-page').textContent()).toContain('Trang 1 / 3 (45 hồ sơ)');
    expect(await page.getByTestId('dossier-row').first().textContent()).toContain('Trần Thị Mẫu 43');
    expect(await page.getByTestId('dossier-row').first().textContent()).toContain('Mã tạm');
    await page.getByTestId('dossier-next').click();
    await page.getByTestId('dossier-next').click();
    await expect.poll(() => page.getByTestId('dossier-row').count()).toBe(5);
    expect(await page.getByTestId('dossier-next').isDisabled()).toBe(true);
    await app.screenshot('dossiers-list');
  });

  it('finds Nguyễn Văn An typed without accents, by ID prefix and by official code', async () => {
    const { page } = app;
    for (const q of ['nguyen van an', '001085', '000.00.31.H42-260301-0001']) {
      await page.getByTestId('dossier-search').fill(q);
      await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
      await expect.poll(() => page.getByTestId('dossier-row').count(), { timeout: 10_000 }).toBe(1);
      expect(await page.getByTestId('dossier-row').textContent()).toContain('Nguyễn Văn An');
    }
    await app.screenshot('dossiers-search');
    await page.getByTestId('dossier-search').fill('khong co ai ten nay');
    await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
    await page.getByText('Không tìm thấy hồ sơ phù hợp.').waitFor();
  });
});
