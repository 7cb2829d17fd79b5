import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppUnderTest } from './harness.ts';

/**
 * The IT officer tests each device from Settings → Thiết bị, in training mode: the SANE test
 * scanner, the card reader, the simulated QR reader, the training PDF printer and the simulated
 * ESC/POS ticket printer. Every outcome is shown in Vietnamese; failures carry their code.
 */
describe('settings: a test for each device (training mode, web host)', () => {
  let app: AppUnderTest;
  beforeAll(async () => {
    app = await openApp('web', { training: true });
    await app.page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await app.page.getByRole('tablist', { name: 'Mục cài đặt' }).getByRole('tab', { name: 'Thiết bị', exact: true }).click();
  });
  afterAll(async () => app?.close());

  it('scans a test page and shows its thumbnail', async () => {
    const scan = app.page.getByTestId('test-scanner');
    await scan.getByRole('button', { name: 'Quét trang thử' }).click();
    const thumb = scan.getByTestId('scan-test-thumb');
    await thumb.waitFor({ timeout: 60_000 });
    expect(await thumb.getAttribute('src')).toMatch(/^data:image\//);
  }, 90_000);

  it('reads a card tapped on the (simulated) reader: name, masked number, chip authenticity', async () => {
    const card = app.page.getByTestId('test-card');
    await card.getByRole('button', { name: 'Giả lập chạm thẻ (đào tạo)' }).click();
    const result = card.getByTestId('card-test-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await card.getByRole('alert').count()).toBe(0);
    expect(await result.textContent()).toMatch(/^Đọc được: Nguyễn Văn An · •+\d{4} · Xác thực chip: valid · PACE · \d+ ms$/);
  }, 60_000);

  it('waits for the next QR read and shows it', async () => {
    const qr = app.page.getByTestId('test-qr');
    await qr.getByRole('button', { name: 'Chờ quét mã QR' }).click();
    await qr.getByText('Đang chờ…').waitFor();
    await qr.getByRole('button', { name: 'Giả lập quét (đào tạo)' }).click();
    const result = qr.getByTestId('qr-test-result');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.textContent()).toMatch(/^Đạt: .+ · •+\d{4} · cccd-qr từ /);
  }, 30_000);

  it('prints a test page on the system printer and a test ticket on the ESC/POS printer', async () => {
    const printers = app.page.getByTestId('test-printers');
    await printers.getByRole('button', { name: 'In trang thử' }).click();
    await expect.poll(() => printers.getByTestId('print-test-result').or(printers.getByRole('alert').first()).textContent(), { timeout: 30_000 }).toMatch(/^Đã gửi lệnh in: /);
    await printers.getByRole('button', { name: 'In phiếu thử' }).click();
    await expect.poll(() => printers.getByTestId('ticket-test-result').or(printers.getByRole('alert').last()).textContent(), { timeout: 30_000 }).toMatch(/^Đã gửi lệnh in: /);
    await app.screenshot('settings-devices');
  }, 90_000);
});
