import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildVietQr } from '../../../src-main/domain/vietqr/vietqr.ts';
import { paymentReference } from '../../../src-main/domain/vietqr/reference.ts';

// An independent reader for the check: written here from the EMVCo QRCPS-MPM v1.1 tables, it shares
// no code with the builder (its own TLV walk and its own CRC-16/CCITT-FALSE, bit by bit).

interface Node {
  id: string;
  length: number;
  value: string;
}

function walk(text: string): Node[] {
  const out: Node[] = [];
  for (let at = 0; at < text.length; ) {
    const id = text.slice(at, at + 2);
    const length = Number.parseInt(text.slice(at + 2, at + 4), 10);
    if (!/^\d\d$/.test(id) || Number.isNaN(length)) throw new Error(`bad header at ${at}`);
    const value = text.slice(at + 4, at + 4 + length);
    if (value.length !== length) throw new Error(`short value at ${at}`);
    out.push({ id, length, value });
    at += 4 + length;
  }
  return out;
}

function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** [min, max] characters per data object, EMVCo MPM §4.2–4.7 and NAPAS VietQR (tag 38 sub-objects). */
const ROOT: Record<string, [number, number]> = {
  '00': [2, 2], '01': [2, 2], '38': [1, 99], '52': [4, 4], '53': [3, 3], '54': [1, 13], '58': [2, 2], '59': [1, 25], '60': [1, 15], '62': [1, 99], '63': [4, 4],
};
const MERCHANT: Record<string, [number, number]> = { '00': [1, 32], '01': [1, 99], '02': [1, 10] };
const BENEFICIARY: Record<string, [number, number]> = { '00': [6, 6], '01': [1, 19] };
const ADDITIONAL: Record<string, [number, number]> = { '01': [1, 25], '05': [1, 25], '07': [1, 25], '08': [1, 25] };

function checkLevel(nodes: Node[], table: Record<string, [number, number]>, where: string): void {
  for (const n of nodes) {
    const range = table[n.id];
    expect(range, `${where}${n.id} is a known data object`).toBeDefined();
    const [min, max] = range as [number, number];
    expect(n.length, `${where}${n.id} length`).toBeGreaterThanOrEqual(min);
    expect(n.length, `${where}${n.id} length`).toBeLessThanOrEqual(max);
  }
}

function checkPayload(payload: string): Node[] {
  const root = walk(payload);
  checkLevel(root, ROOT, '');
  expect(root.map((n) => n.id).at(-1)).toBe('63');
  expect(root.at(-1)?.value).toBe(crc16(payload.slice(0, -4)));
  const merchant = walk(root.find((n) => n.id === '38')?.value ?? '');
  checkLevel(merchant, MERCHANT, '38.');
  checkLevel(walk(merchant.find((n) => n.id === '01')?.value ?? ''), BENEFICIARY, '38.01.');
  const extra = root.find((n) => n.id === '62');
  if (extra) checkLevel(walk(extra.value), ADDITIONAL, '62.');
  return root;
}

describe('VietQR payloads stay within the EMVCo / NAPAS lengths (independent reader)', () => {
  it('the reader itself agrees with a payload made by another system', () => {
    const elsewhere = '00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8';
    expect(checkPayload(elsewhere).map((n) => n.id)).toEqual(['00', '01', '38', '53', '54', '58', '62', '63']);
  });

  it('a fee for the longest dossier codes: every tag within its length, purpose ≤ 25, CRC right', () => {
    for (const code of ['000.05.12.H99-260302-0017', 'H56.14.02.03.04-261204-T1234-12345', '000.00.31.H42-240520-99999']) {
      const payload = buildVietQr({ bankBin: '970436', accountNumber: '0011001234567890123', amount: 9_999_999_999_999, reference: paymentReference('LEPHI', code) });
      const purpose = walk(walk(payload).find((n) => n.id === '62')?.value ?? '').find((n) => n.id === '08');
      expect(purpose?.length).toBeLessThanOrEqual(25);
      expect(purpose?.value).toContain(code.split('-').slice(1).join('-'));
      checkPayload(payload);
    }
  });

  it('property: any account, amount, prefix and dossier code gives a payload within the standard', () => {
    const codeArb = fc
      .tuple(fc.constantFrom('000.05.12.H99', 'H56.14', 'H42.03.1'), fc.integer({ min: 0, max: 99 }), fc.option(fc.stringMatching(/^[0-9A-Z]{1,4}$/), { nil: undefined }), fc.integer({ min: 0, max: 99999 }))
      .map(([agency, dd, counter, n]) => `${agency}-2612${String((dd % 28) + 1).padStart(2, '0')}-${counter ? `T${counter}-` : ''}${String(n).padStart(4, '0')}`);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[0-9A-Z]{1,19}$/), fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.string({ maxLength: 12 }), codeArb, (bin, account, amount, prefix, code) => {
        checkPayload(buildVietQr({ bankBin: bin, accountNumber: account, amount, reference: paymentReference(prefix, code) }));
      }),
    );
  });
});
