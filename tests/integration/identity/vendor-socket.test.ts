import { afterEach, describe, expect, it } from 'vitest';
import { VendorSocketReader, type VendorRawGroups } from '../../../src-main/devices/qr/vendor-socket-reader.ts';
import type { ReaderEvent } from '../../../src-main/devices/qr/qr-reader.ts';
import { VendorReaderSim } from '../../sim/vendor-reader/server.ts';

const CARD = {
  idCode: '001090012345',
  oldIdCode: '123456789',
  personName: 'Nguyễn Văn An',
  dateOfBirth: '01/01/1990',
  gender: 'Nam',
  nationality: 'Việt Nam',
  residencePlace: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
  issueDate: '01/07/2021',
  expiryDate: '01/01/2030',
};

async function until(pred: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('vendor all-in-one reader over its Socket.IO API (HN-212 event shape)', () => {
  let sim: VendorReaderSim | undefined;
  let reader: VendorSocketReader | undefined;
  afterEach(async () => {
    await reader?.close();
    await sim?.stop();
  });

  it.each([
    ['namespace /event, event "event"', { namespace: '/event', eventName: 'event' }],
    ['root namespace, event "/event"', { namespace: '/', eventName: '/event' }],
  ])('reads a card tap (%s) as a chip identity, with raw groups passed on', async (_label, layout) => {
    sim = new VendorReaderSim(layout);
    const url = await sim.start();
    reader = new VendorSocketReader(url);
    const events: ReaderEvent[] = [];
    const raw: VendorRawGroups[] = [];
    reader.on((e) => events.push(e));
    reader.onRawGroups((g) => raw.push(g));
    await reader.open();
    await until(() => reader?.state().status === 'ready');
    await new Promise((r) => setTimeout(r, 100)); // both namespaces attached
    sim.tap(CARD, { dg13: 'bW9jaw==' });
    await until(() => events.some((e) => e.type === 'identity') && raw.length > 0);
    const e = events.find((x) => x.type === 'identity');
    expect(e?.type === 'identity' && e.identity).toMatchObject({
      kind: 'chip',
      idNumber: '001090012345',
      oldIdNumber: '123456789',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      expiryDate: '2030-01-01',
    });
    expect(e?.type === 'identity' && e.identity.warnings.map((w) => w.code)).toEqual(['VENDOR_CHIP_UNVERIFIED']);
    expect(raw[0]).toEqual({ dg13: 'bW9jaw==' });
  });

  it('reports a failed read and bad data with codes', async () => {
    sim = new VendorReaderSim();
    reader = new VendorSocketReader(await sim.start());
    const events: ReaderEvent[] = [];
    reader.on((e) => events.push(e));
    await reader.open();
    await until(() => reader?.state().status === 'ready');
    await new Promise((r) => setTimeout(r, 100));
    sim.fail();
    sim.tap({ ...CARD, idCode: '12' });
    await until(() => events.filter((e) => e.type === 'failed').length >= 2);
    expect(events.filter((e) => e.type === 'failed').map((e) => e.type === 'failed' && e.code)).toEqual(['VENDOR_READ_FAILED', 'VENDOR_DATA_INVALID']);
  });

  it('goes offline when the device disappears and reconnects when it is back on the same address', async () => {
    sim = new VendorReaderSim({ port: 0 });
    const url = await sim.start();
    const port = Number(new URL(url).port);
    reader = new VendorSocketReader(url);
    const events: ReaderEvent[] = [];
    reader.on((e) => events.push(e));
    await reader.open();
    await until(() => reader?.state().status === 'ready');
    await sim.stop();
    await until(() => reader?.state().status === 'offline');
    sim = new VendorReaderSim({ port });
    await sim.start();
    await until(() => reader?.state().status === 'ready', 10_000);
    await new Promise((r) => setTimeout(r, 300));
    sim.tap(CARD);
    await until(() => events.some((e) => e.type === 'identity'));
  }, 20_000);
});
