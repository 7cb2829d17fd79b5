import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachHost, openApp, type AppUnderTest } from './harness.ts';
import { BhytServiceSim } from '../sim/bhyt/server.ts';
import { TRAINING_SAMPLES } from '../../src-main/domain/identity/training-samples.ts';
import { SimulatedTicketPrinter } from '../../src-main/devices/printer/simulated/tcp-ticket-printer.ts';
import { decodeEscPos, rasterBitmap } from '../../src-main/devices/printer/simulated/escpos-decoder.ts';

/**
 * A patient at the health station: a keyboard-wedge scanner types the BHYT QR into the page (as
 * fast as the browser takes keys, ending with Enter); the page checks the patient in, shows the
 * queue number and the card validity from the card-check service (a real HTTP simulator).
 */
describeEachHost('health-station check-in from a BHYT QR (%s)', (host) => {
  let app: AppUnderTest;
  const ticketPrinter = new SimulatedTicketPrinter();
  const tickets: number[] = [];
  const sim = new BhytServiceSim().add({ maThe: 'DN4790123456789', gtTheTu: '01/01/2025', gtTheDen: '31/12/2099', maDKBD: '79001' });

  beforeAll(async () => {
    await sim.start();
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-e2e-health-'));
    const address = await ticketPrinter.start();
    ticketPrinter.onJob = (bytes) => tickets.push(rasterBitmap(decodeEscPos(bytes)).height);
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        health: { cardCheckUrl: sim.url, cardCheckTimeoutMs: 3000 },
        print: { ticketPrinters: [{ id: 'tram', name: 'Máy in phiếu', transport: 'tcp', address }], defaultTicketPrinter: 'tram' },
      }),
    );
    app = await openApp(host, { dataDir });
  }, 90_000);
  afterAll(async () => {
    await app?.close();
    await sim.stop();
    await ticketPrinter.stop();
  });

  it('scans, shows a valid card and queue number 1, and the same card again keeps number 1', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Trạm y tế', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Đón tiếp người bệnh' }).waitFor();
    await page.locator('[data-testid="health-page"][data-ready="true"]').waitFor();
    await page.keyboard.type(TRAINING_SAMPLES.bhyt, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('queue-number').textContent(), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => page.getByTestId('queue-ticket').getByTestId('card-status').textContent()).toBe('Thẻ còn giá trị');
    await expect.poll(() => page.getByTestId('identity-card').textContent()).toContain('Nguyễn Văn An');
    expect(await page.getByTestId('identity-card').textContent()).toContain('DN4790123456789');
    await app.screenshot('health-checkin', { readme: 'health-checkin' });
    await page.keyboard.type(TRAINING_SAMPLES.bhyt, { delay: 0 });
    await page.keyboard.press('Enter');
    // The same card scanned again (the patient came back to the desk) keeps number 1 and reprints it.
    await expect.poll(() => tickets.length, { timeout: 15_000 }).toBe(2);
    expect(await page.getByTestId('queue-number').textContent()).toBe('1');
    expect(await page.getByTestId('health-today').locator('tbody tr').count()).toBe(1);
    expect(sim.requests.length).toBe(1);
    // Each check-in printed its ticket on the ESC/POS printer (a raster image of the number).
    expect(tickets.every((h) => h > 0)).toBe(true);
    await page.getByTestId('ticket-printed').waitFor();
  }, 60_000);

  it('a person typing slowly in the paste box is not taken for a scanner; the button checks in', async () => {
    const { page } = app;
    const box = page.getByLabel('Dán hoặc nhập nội dung mã QR');
    await box.click();
    await page.keyboard.type('079305001234||TRẦN THỊ CÚC|15082005|Nữ||01072021', { delay: 60 });
    expect(await box.inputValue()).toContain('TRẦN THỊ CÚC');
    expect(await page.getByTestId('queue-number').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Tiếp đón', exact: true }).click();
    await expect.poll(() => page.getByTestId('queue-number').textContent()).toBe('2');
    await expect.poll(() => page.getByTestId('queue-ticket').getByTestId('card-status').textContent()).toBe('Thẻ không hợp lệ');
  }, 60_000);
});
