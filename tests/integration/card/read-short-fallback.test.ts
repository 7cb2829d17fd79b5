import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChip } from '../../../src-main/devices/idcard/read-chip.ts';
import { AN, buildCard, mrzKeyOf, type CardImage } from '../../../src-main/devices/idcard/simulated/card-data.ts';
import { isExtendedApdu, VirtualChip } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

let card: CardImage;
let csca: X509Certificate;

beforeAll(async () => {
  card = await buildCard(AN);
  csca = new X509Certificate(Buffer.from(card.pki.csca.der));
});

const isMseSetAt = (a: Uint8Array) => a[1] === 0x22 && a[2] === 0xc1;
const isMutualAuth = (a: Uint8Array) => a[0] === 0x00 && a[1] === 0x82;
const isReadBinary = (a: Uint8Array) => (a[0] as number & 0x0c) === 0x0c && a[1] === 0xb0;

describe('extended-length READ BINARY with a fallback to short APDUs', () => {
  it('a chip that answers 6700 to extended length is read with short APDUs after a fresh PACE; passive authentication is valid', async () => {
    const chip = new VirtualChip(card, { maxResponse: 1024, refuseExtended: 'status' });
    const read = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(read.result.access).toBe('pace');
    expect(read.result.authenticity).toMatchObject({ result: 'valid', signatureOk: true, chainOk: true });
    expect(read.result.identity.fullName).toBe('Nguyễn Văn An');
    expect(read.result.face?.mime).toBe('image/jpeg');
    expect(read.apduLength).toBe('short');
    // One extended attempt, then the choice sticks: PACE again, and nothing extended after it.
    expect(chip.refusedExtended).toBe(1);
    expect(chip.log.filter(isMseSetAt)).toHaveLength(2);
    const refusedAt = chip.log.findIndex(isExtendedApdu);
    expect(refusedAt).toBeGreaterThan(0);
    expect(chip.log.slice(refusedAt + 1).some(isExtendedApdu)).toBe(false);
    expect(chip.log.slice(refusedAt + 1).filter(isReadBinary).length).toBeGreaterThan(10);
  });

  it('a reader that cannot transmit long frames (PC/SC NotTransacted) falls back the same way', async () => {
    const chip = new VirtualChip(card, { maxResponse: 1024, refuseExtended: 'reader' });
    const read = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(read.result.authenticity.result).toBe('valid');
    expect(read.result.authenticity.dataGroups.map((d) => d.dg)).toEqual([1, 2, 13, 14, 15]);
    expect(read.apduLength).toBe('short');
    expect(chip.refusedExtended).toBe(1);
    expect(chip.log.filter(isMseSetAt)).toHaveLength(2);
    expect(chip.log.some(isExtendedApdu)).toBe(false);
  });

  it('under BAC the fallback redoes BAC (3DES secure messaging) before the short reads', async () => {
    const noPace = await buildCard(AN, { pki: card.pki, cardAccess: null });
    const chip = new VirtualChip(noPace, { maxResponse: 1024, refuseExtended: 'status' });
    const read = await readChip(chip, { mrz: mrzKeyOf(AN) }, { readerId: 'sim', cscas: [csca] });
    expect(read.result.access).toBe('bac');
    expect(read.result.authenticity.result).toBe('valid');
    expect(read.apduLength).toBe('short');
    expect(chip.log.filter(isMutualAuth)).toHaveLength(2);
  });

  it('a chip that supports extended length keeps extended chunks, one PACE, and fewer APDUs', async () => {
    const chip = new VirtualChip(card, { maxResponse: 1024, refuseExtended: undefined });
    const read = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(read.result.authenticity.result).toBe('valid');
    expect(read.apduLength).toBe('extended');
    expect(chip.log.filter(isMseSetAt)).toHaveLength(1);
    const extendedReads = chip.log.filter((a) => isReadBinary(a) && isExtendedApdu(a)).length;
    expect(extendedReads).toBeGreaterThan(0);

    const fallback = new VirtualChip(card, { maxResponse: 1024, refuseExtended: 'status' });
    await readChip(fallback, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(chip.log.length).toBeLessThan(fallback.log.length);
    expect(chip.log.filter(isReadBinary).length).toBeLessThan(fallback.log.filter(isReadBinary).length);
  });

  it('a caller that remembered "short" for this reader never tries extended length', async () => {
    const chip = new VirtualChip(card, { maxResponse: 1024, refuseExtended: 'status' });
    const read = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca], apduLength: 'short' });
    expect(read.result.authenticity.result).toBe('valid');
    expect(chip.refusedExtended).toBe(0);
    expect(chip.log.filter(isMseSetAt)).toHaveLength(1);
  });

  it('a 6700 that is not about extended length still fails the read', async () => {
    const chip = new VirtualChip(card, { maxResponse: 1024 });
    const wrongLength = {
      maxResponse: 1024,
      // Every protected SELECT answered 6700: a short command, so no fallback may hide it.
      transmit: async (apdu: Uint8Array) => (apdu[0] === 0x0c && apdu[1] === 0xa4 && apdu[2] === 0x02 ? Uint8Array.of(0x67, 0x00) : chip.transmit(apdu)),
    };
    await expect(readChip(wrongLength, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] })).rejects.toMatchObject({ code: 'CARD_STATUS', details: { sw: '6700' } });
    expect(chip.log.filter(isMseSetAt)).toHaveLength(1);
  });
});
