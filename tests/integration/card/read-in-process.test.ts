import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChip } from '../../../src-main/devices/idcard/read-chip.ts';
import { PACE_OIDS } from '../../../src-main/domain/icao/card-access.ts';
import { AN, buildCard, cardAccess, mrzKeyOf, type CardImage } from '../../../src-main/devices/idcard/simulated/card-data.ts';
import { makeTestPki } from '../../../src-main/devices/idcard/simulated/test-pki.ts';
import { VirtualChip } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

let card: CardImage;
let csca: X509Certificate;

beforeAll(async () => {
  card = await buildCard(AN);
  csca = new X509Certificate(Buffer.from(card.pki.csca.der));
});

describe('reading the virtual chip in-process', () => {
  it('reads with PACE-CAN (AES-128, brainpoolP256r1 as VN EF.CardAccess says) and passive authentication is valid', async () => {
    const chip = new VirtualChip(card);
    const { result } = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(result.access).toBe('pace');
    expect(result.identity).toMatchObject({
      kind: 'chip',
      idNumber: '001090012345',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1990-01-01',
      sex: 'M',
      address: 'Thôn 1, Xã Ví Dụ, Tỉnh Mẫu',
      issueDate: '2021-07-01',
      expiryDate: '2030-01-01',
      oldIdNumber: '123456789',
      documentNumber: '090012345',
    });
    expect(result.identity.warnings).toEqual([]);
    expect(result.authenticity).toMatchObject({ result: 'valid', signatureOk: true, chainOk: true });
    expect(result.authenticity.dataGroups.map((d) => d.dg)).toEqual([1, 2, 13, 14, 15]);
    expect(result.face?.mime).toBe('image/jpeg');
    expect(Buffer.from(result.face?.base64 ?? '', 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    // After PACE (the last GENERAL AUTHENTICATE has CLA 00) every command is protected (CLA 0C).
    const paceDone = chip.log.findIndex((a) => a[0] === 0x00 && a[1] === 0x86);
    expect(paceDone).toBeGreaterThan(0);
    expect(chip.log.slice(paceDone + 1).every((a) => a[0] === 0x0c)).toBe(true);
  });

  it.each([
    ['P-256, AES-128', PACE_OIDS.ECDH_GM_AES128, 12],
    ['brainpool, AES-256', PACE_OIDS.ECDH_GM_AES256, 13],
    ['brainpool, 3DES', PACE_OIDS.ECDH_GM_3DES, 13],
  ])('PACE variant %s', async (_label, oid, param) => {
    const variant = await buildCard(AN, { pki: card.pki, cardAccess: cardAccess(oid, param) });
    const { result } = await readChip(new VirtualChip(variant), { can: '012345' }, { readerId: 'sim', cscas: [csca], skipFace: true });
    expect(result.access).toBe('pace');
    expect(result.identity.fullName).toBe('Nguyễn Văn An');
    expect(result.authenticity.result).toBe('valid');
  });

  it('reads with BAC from the MRZ when the card has no PACE, in 3DES secure messaging', async () => {
    const noPace = await buildCard(AN, { pki: card.pki, cardAccess: null });
    const { result } = await readChip(new VirtualChip(noPace), { mrz: mrzKeyOf(AN) }, { readerId: 'sim', cscas: [csca] });
    expect(result.access).toBe('bac');
    expect(result.identity.idNumber).toBe('001090012345');
    expect(result.authenticity.result).toBe('valid');
  });

  it('falls back to BAC when the CAN is wrong but MRZ data is given', async () => {
    const { result } = await readChip(new VirtualChip(card), { can: '999999', mrz: mrzKeyOf(AN) }, { readerId: 'sim', cscas: [csca], skipFace: true });
    expect(result.access).toBe('bac');
  });

  it('a wrong CAN alone is ACCESS_DENIED', async () => {
    await expect(readChip(new VirtualChip(card), { can: '999999' }, { readerId: 'sim', cscas: [csca] })).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('reads with extended-length APDUs in larger chunks', async () => {
    const chip = new VirtualChip(card, { maxResponse: 4096 });
    const { result } = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(result.authenticity.result).toBe('valid');
    const shortChip = new VirtualChip(card);
    await readChip(shortChip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(chip.log.length).toBeLessThan(shortChip.log.length);
  });

  it('a tampered DG13 makes passive authentication invalid and says so', async () => {
    const files = new Map(card.files);
    const dg13 = (files.get(0x010d) as Uint8Array).slice();
    const at = Buffer.from(dg13).indexOf(Buffer.from('An', 'utf8'), 20);
    dg13[at + 1] = 'h'.charCodeAt(0);
    files.set(0x010d, dg13);
    const { result } = await readChip(new VirtualChip({ ...card, files }), { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] });
    expect(result.authenticity.result).toBe('invalid');
    expect(result.authenticity.dataGroups.find((d) => d.dg === 13)?.hashOk).toBe(false);
    expect(result.identity.warnings.map((w) => w.code)).toContain('CHIP_PA_INVALID');
  });

  it('a SOD from a CSCA that is not configured is unknown-issuer', async () => {
    const other = await makeTestPki('Another CSCA');
    const { result } = await readChip(new VirtualChip(card), { can: AN.idNumber }, { readerId: 'sim', cscas: [new X509Certificate(Buffer.from(other.csca.der))], skipFace: true });
    expect(result.authenticity).toMatchObject({ result: 'unknown-issuer', signatureOk: true, chainOk: false });
    const none = await readChip(new VirtualChip(card), { can: AN.idNumber }, { readerId: 'sim', cscas: [], skipFace: true });
    expect(none.result.authenticity.result).toBe('unknown-issuer');
  });

  it('a card pulled mid-read gives CARD_REMOVED and no identity', async () => {
    const chip = new VirtualChip(card, { removeAfter: 25 });
    const err = await readChip(chip, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CARD_REMOVED' });
    expect((err as { messages: { vi: string } }).messages.vi).toMatch(/nhấc ra/);
  });

  it('a chip that answers with a corrupted MAC is SM_MAC_INVALID', async () => {
    const chip = new VirtualChip(card);
    let n = 0;
    const flaky = {
      maxResponse: 256,
      transmit: async (apdu: Uint8Array) => {
        const r = await chip.transmit(apdu);
        if (apdu[0] === 0x0c && ++n === 4) r[r.length - 3] = (r[r.length - 3] as number) ^ 1;
        return r;
      },
    };
    await expect(readChip(flaky, { can: AN.idNumber }, { readerId: 'sim', cscas: [csca] })).rejects.toMatchObject({ code: 'SM_MAC_INVALID' });
  });

  it('without any key it asks for the CAN or MRZ', async () => {
    await expect(readChip(new VirtualChip(card), {}, { readerId: 'sim', cscas: [] })).rejects.toMatchObject({ code: 'ACCESS_KEY_MISSING' });
  });
});
