import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { pdfDate, pdfTextHex } from '../../../src-main/features/signing/pdf/pdf-strings.ts';
import { prepareSignature } from '../../../src-main/features/signing/pdf/prepare-signature.ts';
import { readOriginalXref } from '../../../src-main/features/signing/pdf/incremental-update.ts';
import { CKR, pkcs11Error } from '../../../src-main/features/signing/keys/pkcs11-errors.ts';
import { parsePdfDate } from '../../../src-main/features/signing/verify/find-signatures.ts';
import { verifyPdf } from '../../../src-main/features/signing/verify/verify-pdf.ts';
import { checkCms } from '../../../src-main/features/signing/verify/cms-check.ts';

const opts = { trustAnchorsPem: [], checkRevocation: false };

describe('PDF dates and strings', () => {
  it('round-trips any instant through /M (to the second)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const back = parsePdfDate(pdfDate(d));
        expect(back?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
      }),
    );
  });

  it('writes Vietnamese text as UTF-16BE with a BOM', () => {
    expect(pdfTextHex('Lập')).toBe('<FEFF004C1EAD0070>');
  });

  it('rejects malformed dates without throwing', () => {
    fc.assert(fc.property(fc.string(), (s) => void parsePdfDate(s)));
    expect(parsePdfDate('D:2024')).toBeInstanceOf(Date);
    expect(parsePdfDate('yesterday')).toBeUndefined();
  });
});

describe('bad input', () => {
  it('verifies arbitrary bytes as unsigned or invalid, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const r = await verifyPdf(bytes, opts);
        expect(['unknown', 'invalid']).toContain(r.status);
      }),
      { numRuns: 60 },
    );
  });

  it('reports a forged ByteRange / garbage Contents as invalid', async () => {
    const fake = Buffer.from('%PDF-1.7\n1 0 obj << /ByteRange [0 10 30 5] /Contents <00ff> >> endobj\n%%EOF\n', 'latin1');
    const r = await verifyPdf(new Uint8Array(fake), opts);
    expect(r.status).toBe('invalid');
    expect(r.signatures[0]?.problems[0]?.code).toMatch(/BAD_BYTE_RANGE|CMS_UNREADABLE/);
  });

  it('never accepts random DER as a signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (der) => {
        expect(checkCms(der, () => new Uint8Array(32)).intact).toBe(false);
      }),
    );
  });

  it('refuses to sign what is not a PDF with PDF_INVALID', async () => {
    await expect(prepareSignature(new Uint8Array(Buffer.from('hello')), { reservedBytes: 10, signingTime: new Date(), signerName: 'x' })).rejects.toMatchObject({
      code: 'PDF_INVALID',
    });
    expect(readOriginalXref(new Uint8Array(Buffer.from('startxref\n99999\n%%EOF')))).toBeUndefined();
  });
});

describe('PKCS#11 errors', () => {
  it('maps CK_RV codes to coded Vietnamese messages', () => {
    const e = (rv: number) => pkcs11Error({ code: rv }, 'C_Login') as CounterError;
    expect(e(CKR.PIN_INCORRECT).code).toBe('PIN_INCORRECT');
    expect(e(CKR.PIN_LOCKED).code).toBe('PIN_LOCKED');
    expect(e(CKR.PIN_LOCKED).messages.vi).toMatch(/khóa/);
    expect(e(CKR.PIN_LEN_RANGE).code).toBe('PIN_INVALID_FORMAT');
    expect(e(CKR.DEVICE_REMOVED).code).toBe('TOKEN_REMOVED');
    expect(e(0x5).code).toBe('PKCS11_FAILED');
    expect(JSON.stringify(e(CKR.PIN_INCORRECT).details)).toContain('0x000000a0');
  });
});
