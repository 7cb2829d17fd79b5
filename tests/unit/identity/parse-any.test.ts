import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAny } from '../../../src-main/domain/identity/parse-any.ts';
import { parseVneidQr } from '../../../src-main/domain/identity/vneid-qr.ts';
import { Identity } from '../../../src-main/contract/identity.ts';
import { CounterError } from '../../../src-main/contract/errors.ts';
import { bhytArb, cccdArb, mrzArb } from './generators.ts';
import { expectCode, isIdentityError } from './expect-code.ts';

/** Parses, and if it throws, insists the throw is a coded identity error: nothing else may escape. */
function parseOrCoded(text: string): void {
  try {
    Identity.parse(parseAny(text));
  } catch (err) {
    if (!isIdentityError(err)) throw err;
  }
}

const anyValid = fc.oneof(
  cccdArb.map((c) => ({ text: c.text, kind: 'cccd-qr' })),
  bhytArb.map((b) => ({ text: b.text, kind: 'bhyt-qr' })),
  mrzArb.map((m) => ({ text: m.lines.join('\n'), kind: 'mrz-td1' })),
);

describe('parseAny', () => {
  it('detects the kind of every valid generated text', () => {
    fc.assert(fc.property(anyValid, ({ text, kind }) => {
      expect(parseAny(text).kind).toBe(kind);
    }));
  });

  it('tolerates the CR/LF suffix a scanner appends, and a NUL or other control bytes around the code', () => {
    fc.assert(fc.property(anyValid, fc.constantFrom('\r\n', '\n', '\r', '\t', '\0', '\0\r\n', '\u0003', '\u007f', '\u0085'), ({ text, kind }, sfx) => {
      expect(parseAny(text + sfx).kind).toBe(kind);
    }));
  });

  it('a BHYT QR ending in NUL goes to the BHYT parser, not the CCCD one', () => {
    const bhyt = 'DN4790123456789|4e677579e1bb856e2056c4836e20416e|01/01/1990|1|-|79 - 001|01/01/2025|31/12/2025|01/01/2025|$';
    expect(parseAny(`${bhyt}\0`)).toMatchObject({ kind: 'bhyt-qr', fullName: 'Nguyễn Văn An' });
    expect(parseAny(`\u0002${bhyt}\u0003\0`).kind).toBe('bhyt-qr');
  });

  it('refuses unrecognised text and keeps it in the error details', () => {
    try {
      parseAny('https://example.invalid/xyz');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CounterError);
      expect((err as CounterError).code).toBe('ID_UNRECOGNISED');
      expect((err as CounterError).details).toEqual({ raw: 'https://example.invalid/xyz' });
    }
    expectCode(() => parseAny(''), 'ID_EMPTY');
  });

  it('reads a VNeID QR in the CCCD layout, and keeps the raw text of one it does not know', () => {
    const id = parseVneidQr('001090012345||NGUYỄN VĂN AN|01011990|Nam||01072021');
    expect(id.kind).toBe('vneid-qr');
    expect(parseAny('001090012345||NGUYỄN VĂN AN|01011990|Nam||01072021', 'vneid-qr').kind).toBe('vneid-qr');
    try {
      parseVneidQr('VNEID:eyJhbGciOi…');
      expect.unreachable();
    } catch (err) {
      expect((err as CounterError).code).toBe('VNEID_NOT_RECOGNISED');
      expect((err as CounterError).details).toMatchObject({ raw: 'VNEID:eyJhbGciOi…' });
    }
  });

  it('fuzz: arbitrary text never throws anything but a coded identity error', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), parseOrCoded), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 20 }).map((a) => a.join('|')), parseOrCoded), { numRuns: 1000 });
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 20 }).map((a) => `${a.join('|')}|$`), parseOrCoded), { numRuns: 1000 });
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9<OISB]{90}$/), parseOrCoded), { numRuns: 1000 });
  });

  it('fuzz: a valid text with characters changed, dropped or inserted never escapes uncoded', () => {
    const mutated = fc
      .tuple(anyValid, fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'set', 'insert'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), { minLength: 1, maxLength: 4 }))
      .map(([{ text }, edits]) =>
        edits.reduce((s, [at, op, ch]) => {
          const i = s.length ? at % s.length : 0;
          return op === 'drop' ? s.slice(0, i) + s.slice(i + 1) : op === 'set' ? s.slice(0, i) + ch + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i);
        }, text),
      );
    fc.assert(fc.property(mutated, parseOrCoded), { numRuns: 1500 });
  });
});
