import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { openApp, ROOT, type AppUnderTest } from './harness.ts';

/**
 * The district IT officer configures profile A through the Settings screen, creates the district
 * key, exports a signed file, and imports it on a fresh profile B (confirming the key's
 * fingerprint). B must then hold A's configuration (except machine-local settings) and the secret.
 * Web host only: the flow downloads files, and the two profiles are two data dirs.
 */
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'osc-settings-e2e-'));
const dirA = join(work, 'A');
const dirB = join(work, 'B');
const KEY_PASS = 'khoa-huyen-2026';
const SECRETS_PASS = 'mat-khau-xa-2026';
const opened: AppUnderTest[] = [];
const POLL = { timeout: 15_000 };

async function counterJson(dataDir: string, ...words: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [join(ROOT, 'src-main', 'launch', 'counter.mjs'), ...words, '--data-dir', dataDir, '--json'], { cwd: ROOT, timeout: 90_000 });
  return JSON.parse(stdout) as unknown;
}

async function open(dataDir: string): Promise<AppUnderTest> {
  // Not training mode: training points the server, secret and ticket printer at its simulators on
  // every start, which is exactly what a rollout must not have overwritten.
  const app = await openApp('web', { training: false, dataDir });
  opened.push(app);
  await app.page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
  await app.page.getByRole('heading', { level: 1, name: 'Cài đặt' }).waitFor();
  return app;
}

const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Mục cài đặt' }).getByRole('tab', { name, exact: true });

async function saveIn(page: Page, testId: string, button = 'Lưu') {
  const form = page.getByTestId(testId);
  await form.getByRole('button', { name: button, exact: true }).click();
  await form.getByText('Đã lưu cấu hình.').waitFor();
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(work, name);
  await file.saveAs(path);
  return path;
}

afterAll(async () => {
  for (const app of opened) await app.close().catch(() => undefined);
});

describe('settings: configure one PC, roll the configuration out to a fresh one', () => {
  let fingerprint = '';
  let bundlePath = '';

  it('configures profile A through every settings tab and exports a signed file', async () => {
    const app = await open(dirA);
    const { page } = app;

    // Agency identity and codes (the counter number stays on this PC).
    const agency = page.getByTestId('agency-form');
    await agency.getByLabel('Tên cơ quan').fill('Trung tâm Phục vụ hành chính công xã Tân Lập');
    await agency.getByLabel('Cơ quan chủ quản').fill('UBND XÃ TÂN LẬP');
    await agency.getByLabel('Mã định danh cơ quan').fill('000.00.31.H42');
    await agency.getByLabel('Địa danh').fill('Tân Lập');
    await agency.getByLabel('Số điện thoại').fill('0210 3851 234');
    await agency.getByLabel('Số quầy').fill('03');
    await saveIn(page, 'agency-form');
    await app.screenshot('settings-agency');

    // Keyboard: arrow down from the agency tab reaches the calendar.
    await tab(page, 'Cơ quan').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => tab(page, 'Giờ làm việc').getAttribute('aria-selected'), POLL).toBe('true');
    const cal = page.getByTestId('calendar-settings');
    await cal.getByLabel('Ngày', { exact: true }).fill('2026-04-27');
    await cal.getByLabel('Ghi chú (căn cứ thông báo)').fill('Thông báo 12/TB-UBND');
    await cal.getByRole('button', { name: 'Thêm', exact: true }).click();
    await cal.getByRole('row').filter({ hasText: 'Thông báo 12/TB-UBND' }).getByText('27/04/2026').waitFor();
    await cal.getByRole('button', { name: 'Lưu lịch làm việc' }).click();
    await cal.getByText('Đã lưu.', { exact: true }).waitFor();
    await app.screenshot('settings-calendar');

    // Server address, client id and secret (only "đã lưu / chưa có" ever shows), update URL.
    await tab(page, 'Máy chủ & cập nhật').click();
    const server = page.getByTestId('server-form');
    await server.getByLabel('Địa chỉ máy chủ (URL)').fill('không phải url');
    await server.getByRole('button', { name: 'Lưu', exact: true }).click();
    await server.getByText('SETTINGS_BAD_URL').waitFor();
    await server.getByLabel('Địa chỉ máy chủ (URL)').fill('https://motcua.tinh.example.vn/api');
    await server.getByLabel('Mã ứng dụng (client id)').fill('xa-tan-lap');
    await saveIn(page, 'server-form');
    const secret = page.getByTestId('secret-server.clientSecret');
    await expect.poll(() => secret.getByTestId('secret-state').textContent(), POLL).toBe('(Chưa có)');
    await secret.getByLabel('Mật khẩu ứng dụng (client secret)').fill('s3cret-value-xyz');
    await secret.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await expect.poll(() => secret.getByTestId('secret-state').textContent(), POLL).toBe('(Đã lưu)');
    expect(await secret.getByLabel('Mật khẩu ứng dụng (client secret)').inputValue()).toBe('');
    await page.getByTestId('update-form').getByLabel('Địa chỉ kênh cập nhật').fill('https://capnhat.tinh.example.vn/mot-cua/');
    await saveIn(page, 'update-form');
    await app.screenshot('settings-server');

    // Printer profile for the receipt, and an ESC/POS ticket printer.
    await tab(page, 'Máy in').click();
    const print = page.getByTestId('print-form');
    await print.getByLabel('Khổ giấy — Giấy tiếp nhận và hẹn trả kết quả').selectOption('A4');
    await print.getByLabel('Số bản — Giấy tiếp nhận và hẹn trả kết quả').fill('2');
    await print.getByLabel('Mã', { exact: true }).fill('q1');
    await print.getByLabel('Tên', { exact: true }).fill('Máy in phiếu quầy 1');
    await print.getByLabel('Địa chỉ (IP:cổng').fill('192.168.1.50:9100');
    await print.getByRole('button', { name: 'Thêm máy in phiếu' }).click();
    await print.getByLabel('Mặc định q1').check();
    await saveIn(page, 'print-form');
    await app.screenshot('settings-print');

    // Signing: TSA and default token label.
    await tab(page, 'Chữ ký số').click();
    const signing = page.getByTestId('signing-form');
    await signing.getByLabel('Chứng thư gốc tin cậy').fill('không phải PEM');
    await signing.getByRole('button', { name: 'Lưu', exact: true }).click();
    await signing.getByText('SETTINGS_BAD_PEM').waitFor();
    await signing.getByLabel('Chứng thư gốc tin cậy').fill('');
    await signing.getByLabel('Máy chủ cấp dấu thời gian').fill('http://tsa.example.vn');
    await signing.getByLabel('Nhãn token mặc định').fill('VNPT-CA');
    await saveIn(page, 'signing-form');
    await app.screenshot('settings-signing');

    // Users and roles: create, deactivate.
    await tab(page, 'Người dùng').click();
    const users = page.getByTestId('users-panel');
    const create = users.getByTestId('user-create');
    await create.getByLabel('Tên đăng nhập').fill('lan.nguyen');
    await create.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await create.getByLabel('Mật khẩu').fill('Quay1-matkhau');
    await create.getByRole('button', { name: 'Tạo người dùng' }).click();
    const row = users.getByRole('row').filter({ hasText: 'lan.nguyen' });
    await row.getByText('Đang dùng').waitFor();
    await row.getByRole('button', { name: 'Khóa', exact: true }).click();
    await row.getByText('Đã khóa').waitFor();
    await app.screenshot('settings-users');

    // Diagnostics: the log viewer and the support bundle.
    await tab(page, 'Chẩn đoán').click();
    await page.getByTestId('log-lines').waitFor();
    const diag = await download(page, () => page.getByRole('button', { name: 'Xuất chẩn đoán' }).click(), 'diagnostics.json');
    expect(() => JSON.parse(readFileSync(diag, 'utf8')) as unknown).not.toThrow();
    await app.screenshot('settings-diagnostics');

    // Rollout: the district key, then the signed export.
    await tab(page, 'Triển khai cấu hình').click();
    const keygen = page.getByTestId('rollout-keygen');
    await keygen.getByLabel('Mật khẩu bảo vệ khóa (ít nhất 8 ký tự)').fill(KEY_PASS);
    await keygen.getByLabel('Nhập lại mật khẩu bảo vệ khóa').fill('khac-nhau-123');
    await keygen.getByRole('button', { name: 'Tạo khóa' }).click();
    await keygen.getByText('SETTINGS_PASSPHRASE_MISMATCH').waitFor();
    await keygen.getByLabel('Nhập lại mật khẩu bảo vệ khóa').fill(KEY_PASS);
    await keygen.getByRole('button', { name: 'Tạo khóa' }).click();
    fingerprint = (await keygen.getByTestId('keygen-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
    const privateKey = await download(page, () => keygen.getByRole('button', { name: 'Tải khóa riêng (.pem)' }).click(), 'district-private.pem');
    const publicKey = await download(page, () => keygen.getByRole('button', { name: 'Tải khóa công khai (.pem)' }).click(), 'district-public.pem');
    expect(readFileSync(privateKey, 'utf8')).toContain('-----BEGIN COUNTER DISTRICT KEY-----');
    expect(readFileSync(publicKey, 'utf8')).toContain('-----BEGIN PUBLIC KEY-----');

    const exporter = page.getByTestId('rollout-export');
    await exporter.getByLabel('Tệp khóa riêng của huyện (.pem)').setInputFiles(privateKey);
    await exporter.getByLabel('Mật khẩu bảo vệ khóa').fill('sai-mat-khau');
    await exporter.getByRole('button', { name: 'Xuất tệp cấu hình đã ký' }).click();
    await exporter.getByText('ROLLOUT_BAD_KEY').waitFor();
    await exporter.getByLabel('Mật khẩu bảo vệ khóa').fill(KEY_PASS);
    await exporter.getByLabel('Đơn vị phát hành').fill('Phòng VH-KH-CN huyện Tân Lập');
    await exporter.getByLabel('Mật khẩu mã hóa thông tin đăng nhập').fill(SECRETS_PASS);
    bundlePath = await download(page, () => exporter.getByRole('button', { name: 'Xuất tệp cấu hình đã ký' }).click(), 'rollout.json');
    await exporter.getByText(fingerprint).waitFor();
    await app.screenshot('settings-rollout-export');
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { signature: { fingerprint: string }; secrets?: unknown; settings: { agency: Record<string, unknown> } };
    expect(bundle.signature.fingerprint).toBe(fingerprint);
    expect(bundle.secrets).toBeDefined();
    expect(readFileSync(bundlePath, 'utf8')).not.toContain('s3cret-value-xyz');
    expect(bundle.settings.agency.counterId).toBeUndefined();
    await app.close();
  }, 240_000);

  it('imports the file on a fresh profile B after the fingerprint is confirmed', async () => {
    const app = await open(dirB);
    const { page } = app;
    await tab(page, 'Triển khai cấu hình').click();
    const importer = page.getByTestId('rollout-import');
    await importer.getByLabel('Tệp cấu hình (.json)').setInputFiles(bundlePath);
    await expect.poll(() => importer.getByTestId('import-facts').textContent(), POLL).toContain(fingerprint);
    await importer.getByTestId('import-facts').getByText('Phòng VH-KH-CN huyện Tân Lập').waitFor();
    await importer.getByLabel('Mật khẩu giải mã thông tin đăng nhập').fill(SECRETS_PASS);
    await importer.getByRole('button', { name: 'Nhập cấu hình' }).click();
    const trust = importer.getByTestId('import-trust');
    await expect.poll(() => trust.getByTestId('import-trust-fingerprint').textContent(), POLL).toBe(fingerprint);
    await app.screenshot('settings-rollout-confirm');
    // The passphrase was kept for the second attempt; the officer only confirms.
    await trust.getByRole('button', { name: 'Dấu vân tay trùng khớp — tin cậy và nhập' }).click();
    await expect.poll(() => importer.getByTestId('import-result').textContent(), POLL).toContain('mật khẩu máy chủ');
    await app.screenshot('settings-rollout-import', { readme: 'settings-rollout' });

    // The same file again asks nothing and is refused as a replay (it would undo local changes).
    await importer.getByRole('button', { name: 'Nhập cấu hình' }).click();
    await expect.poll(() => importer.getByRole('alert').textContent(), POLL).toContain('ROLLOUT_REPLAY');
    expect(await importer.getByTestId('import-trust').count()).toBe(0);

    // The UI of B shows what A configured.
    await tab(page, 'Cơ quan').click();
    await expect.poll(() => page.getByLabel('Tên cơ quan').inputValue(), POLL).toBe('Trung tâm Phục vụ hành chính công xã Tân Lập');
    await expect.poll(() => page.getByLabel('Số quầy').inputValue(), POLL).toBe('01');
    await tab(page, 'Máy chủ & cập nhật').click();
    await expect.poll(() => page.getByTestId('secret-server.clientSecret').getByTestId('secret-state').textContent(), POLL).toBe('(Đã lưu)');
    await app.close();
  }, 120_000);

  it('B holds A’s configuration except machine-local settings, and the secret (checked through the CLI)', async () => {
    const [a, b, secretsB] = (await Promise.all([counterJson(dirA, 'settings', 'get'), counterJson(dirB, 'settings', 'get'), counterJson(dirB, 'secrets', 'status')])) as [
      Record<string, Record<string, unknown>>,
      Record<string, Record<string, unknown>>,
      Array<{ name: string; set: boolean }>,
    ];
    expect(a.agency?.counterId).toBe('03');
    expect(b.agency?.counterId).toBe('01');
    expect(b.rollout).toMatchObject({ trustedKeys: [fingerprint] });
    expect((b.rollout as { lastSequence: number }).lastSequence).toBeGreaterThan(0);
    const portable = (s: Record<string, Record<string, unknown>>) => {
      const { counterId: _local, ...agency } = s.agency ?? {};
      const { rollout: _trust, ...rest } = s;
      return { ...rest, agency };
    };
    expect(portable(b)).toEqual(portable(a));
    expect(a.server).toEqual({ url: 'https://motcua.tinh.example.vn/api', clientId: 'xa-tan-lap' });
    expect((b.calendar?.exceptions as unknown[]).length).toBe(1);
    expect(secretsB.find((s) => s.name === 'server.clientSecret')?.set).toBe(true);

  }, 180_000);
});
