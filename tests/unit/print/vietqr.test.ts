import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16CcittFalse, crcHex } from '../../../src-main/domain/vietqr/crc16.ts';
import { decodeTlv, encodeTlv } from '../../../src-main/domain/vietqr/tlv.ts';
import { asciiReference, buildVietQr, parseVietQr } from '../../../src-main/domain/vietqr/vietqr.ts';
import { paymentReference } from '../../../src-main/domain/vietqr/reference.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';

// VietQR strings produced by other systems (a payment gateway's response, a PHP library's README,
// bank app QR codes quoted in public code); their CRCs were computed by those systems, not by us.
const KNOWN_GOOD = [
  '00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0',
  '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8',
  '00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F',
  '00020101021138540010A00000072701240006970422011009119673630208QRIBFTTA53037045802VN63046ad9',
];

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof CounterError ? e.code : String(e);
  }
  return 'no error';
};

describe('CRC-16/CCITT-FALSE', () => {
  it('matches the catalogue check value for "123456789"', () => {
    expect(crc16CcittFalse(new TextEncoder().encode('123456789'))).toBe(0x29b1);
  });
  it.each(KNOWN_GOOD)('agrees with the CRC of a VietQR made elsewhere: %s', (s) => {
    expect(crcHex(s.slice(0, -4))).toBe(s.slice(-4).toUpperCase());
  });
});

describe('VietQR', () => {
  it('parses known-good strings', () => {
    const p = parseVietQr(KNOWN_GOOD[1]!);
    expect(p).toEqual({ dynamic: true, bankBin: '970416', accountNumber: '257678859', amount: 1000, reference: 'Chuyen tien' });
  });
  it('rebuilds a known-good string byte for byte', () => {
    expect(buildVietQr({ bankBin: '970416', accountNumber: '257678859', amount: 1000, reference: 'Chuyen tien' })).toBe(KNOWN_GOOD[1]);
    expect(buildVietQr({ bankBin: '970416', accountNumber: '257678859' })).toBe(KNOWN_GOOD[2]);
  });
  it('puts the short dossier reference in the purpose field, ASCII, at most 25 characters', () => {
    const s = buildVietQr({ bankBin: '970436', accountNumber: '0011001234567', amount: 50000, reference: paymentReference('LP', '000.05.12.H99-260302-0017') });
    expect(parseVietQr(s).reference).toBe('LP 260302-0017');
    expect(paymentReference('Lệ phí', '000.00.31.H42-240520-T07-0017')).toBe('Lephi 240520-T07-0017');
    expect(paymentReference('LEPHIHOTICH', 'H56.14.02-261204-T1234-12345')).toHaveLength(25);
    expect(paymentReference('LP', 'Lệ phí chứng thực')).toBe('LP Le phi chung thuc');
    // Longer than 25 is refused, never cut silently.
    expect(codeOf(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: 1, reference: 'LP 000.05.12.H99-260302-0017' }))).toBe('VIETQR_INVALID');
  });
  it('rejects a damaged CRC, a foreign QR and bad inputs with codes', () => {
    const bad = KNOWN_GOOD[1]!.slice(0, -1) + '0';
    expect(codeOf(() => parseVietQr(bad))).toBe('VIETQR_INVALID');
    expect(codeOf(() => parseVietQr('000201'))).toBe('VIETQR_INVALID');
    expect(codeOf(() => parseVietQr('0002010102'))).toBe('VIETQR_INVALID');
    expect(codeOf(() => buildVietQr({ bankBin: '97043', accountNumber: '1' }))).toBe('VIETQR_INVALID');
    expect(codeOf(() => buildVietQr({ bankBin: '970436', accountNumber: 'a b' }))).toBe('VIETQR_INVALID');
    expect(codeOf(() => buildVietQr({ bankBin: '970436', accountNumber: '1', amount: -1 }))).toBe('VIETQR_INVALID');
  });
  it('property: build then parse gives back the transfer', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.stringMatching(/^[0-9A-Z]{1,19}$/),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.string({ maxLength: 60 }),
        (bankBin, accountNumber, amount, raw) => {
          const ref = paymentReference('LP', raw);
          const p = parseVietQr(buildVietQr({ bankBin, accountNumber, amount, reference: ref }));
          expect(p.bankBin).toBe(bankBin);
          expect(p.accountNumber).toBe(accountNumber);
          expect(p.amount).toBe(amount > 0 ? amount : undefined);
          expect(p.reference).toBe(asciiReference(ref) || undefined);
        },
      ),
    );
  });
});

describe('TLV', () => {
  const tlv = fc.record({ id: fc.stringMatching(/^\d{2}$/), value: fc.string({ maxLength: 99 }) });
  it('property: decode(encode(x)) = x', () => {
    fc.assert(fc.property(fc.array(tlv, { maxLength: 12 }), (items) => {
      expect(decodeTlv(encodeTlv(items))).toEqual(items);
    }));;
  });
  it('property: truncated input is rejected with a code, never misread silently', () => {
    fc.assert(
      fc.property(fc.array(tlv, { minLength: 1, maxLength: 6 }).filter((xs) => xs.some((x) => x.value.length > 0)), (items) => {
        const s = encodeTlv(items);
        expect(codeOf(() => decodeTlv(s.slice(0, -1)))).toBe('VIETQR_INVALID');
      }),
    );
  });
  it('rejects ids that are not 2 digits and values over 99', () => {
    expect(codeOf(() => encodeTlv([{ id: 'A1', value: '' }]))).toBe('VIETQR_INVALID');
    expect(codeOf(() => encodeTlv([{ id: '01', value: 'x'.repeat(100) }]))).toBe('VIETQR_INVALID');
  });
});
