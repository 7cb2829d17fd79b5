import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkNewPassphrase, checkUrl, maskId, splitPem, untrustedFingerprint } from '../../../src-renderer/features/settings/settings-checks.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { RolloutErrors } from '../../../src-main/contract/admin.ts';

const base64Body = fc.array(fc.base64String({ minLength: 4, maxLength: 64 }), { minLength: 1, maxLength: 5 }).map((lines) => lines.join('\n'));
const pem = base64Body.map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`);
const gap = fc.constantFrom('', '\n', '\n\n', '  \r\n', '\t');

describe('splitPem (trust anchors pasted by the IT officer)', () => {
  it('returns every certificate, in order, whatever whitespace separates them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, pem), { maxLength: 6 }), gap, (parts, tail) => {
        const text = parts.map(([g, p]) => g + p).join('') + tail;
        expect(splitPem(text)).toEqual(parts.map(([, p]) => p));
      }),
    );
  });

  it('rejects the whole text when anything but certificates is in it', () => {
    fc.assert(
      fc.property(fc.array(pem, { maxLength: 3 }), fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !s.includes('-----')), (certs, junk) => {
        expect(splitPem([...certs, junk].join('\n'))).toBeUndefined();
        expect(splitPem([junk, ...certs].join('\n'))).toBeUndefined();
      }),
    );
    expect(splitPem('-----BEGIN CERTIFICATE-----\nMIIB\n')).toBeUndefined();
    expect(splitPem('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----')).toBeUndefined();
  });

  it('treats an empty text as no anchors', () => {
    expect(splitPem('')).toEqual([]);
    expect(splitPem(' \n ')).toEqual([]);
  });
});

describe('checkUrl (server, update and TSA addresses)', () => {
  it('accepts empty (feature off) and every http(s) URL with a host', () => {
    expect(checkUrl('')).toBeUndefined();
    fc.assert(fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
      expect(checkUrl(url)).toBeUndefined();
    }));
  });

  it('rejects other schemes and text with SETTINGS_BAD_URL', () => {
    for (const bad of ['motcua.tinh.gov.vn', 'ftp://x.vn', 'https://', 'http:// x.vn', 'không phải url', 'javascript:alert(1)']) {
      const err = checkUrl(bad);
      expect(err).toBeInstanceOf(CounterError);
      expect(err?.code).toBe('SETTINGS_BAD_URL');
      expect(err?.messages.vi).toMatch(/http/);
    }
  });
});

describe('checkNewPassphrase', () => {
  it('needs 8 characters and the same text twice', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), (p) => {
        expect(checkNewPassphrase(p, p)).toBeUndefined();
      }),
    );
    fc.assert(fc.property(fc.string({ maxLength: 7 }), (p) => {
      expect(checkNewPassphrase(p, p)?.code).toBe('SETTINGS_PASSPHRASE_SHORT');
    }));
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(checkNewPassphrase(a, b)?.code).toBe('SETTINGS_PASSPHRASE_MISMATCH');
      }),
    );
  });
});

describe('maskId (device tests never show a whole ID number)', () => {
  it('keeps the length and only the last four characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5,12}$/), (id) => {
        const masked = maskId(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.endsWith(id.slice(-4))).toBe(true);
        expect(masked.slice(0, -4)).toMatch(/^•+$/);
      }),
    );
    expect(maskId(undefined)).toBe('—');
    expect(maskId('123')).toBe('123');
  });
});

describe('untrustedFingerprint', () => {
  it('reads the fingerprint from the core’s ROLLOUT_UNTRUSTED_KEY error only', () => {
    const fp = 'E73D-AC90-1DC4-8E4D-841D-7994-46D8-6966';
    expect(untrustedFingerprint(RolloutErrors.raise('ROLLOUT_UNTRUSTED_KEY', { fingerprint: fp, issuer: 'x' }))).toBe(fp);
    expect(untrustedFingerprint(RolloutErrors.raise('ROLLOUT_BAD_SIGNATURE', { fingerprint: fp }))).toBeUndefined();
    expect(untrustedFingerprint(RolloutErrors.raise('ROLLOUT_UNTRUSTED_KEY'))).toBeUndefined();
    expect(untrustedFingerprint(RolloutErrors.raise('ROLLOUT_UNTRUSTED_KEY', { fingerprint: 42 }))).toBeUndefined();
    expect(untrustedFingerprint(new Error('x'))).toBeUndefined();
    expect(untrustedFingerprint(null)).toBeUndefined();
  });
});
