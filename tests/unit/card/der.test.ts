import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { derInteger, fromHex, hex, integerValue, oidToBytes, oidToString, parseTree, readAll, readTlv, tlv, tlvTotalLength } from '../../../src-main/domain/icao/der.ts';
import { parseEfCom } from '../../../src-main/domain/icao/ef-com.ts';
import { parseCardAccess } from '../../../src-main/domain/icao/card-access.ts';
import { extractFace } from '../../../src-main/domain/icao/dg2.ts';
import { parseSod } from '../../../src-main/domain/icao/sod.ts';
import { VN_CARD_ACCESS_HEX, buildDg2 } from '../../../src-main/devices/idcard/simulated/card-data.ts';

const tagArb = fc.oneof(
  fc.integer({ min: 0, max: 0x1e }).map((t) => t | 0x00),
  fc.integer({ min: 0, max: 0x1e }).map((t) => t | 0x80),
  fc.integer({ min: 0x1f, max: 0x7f }).map((t) => 0x5f00 | t),
  fc.integer({ min: 0x1f, max: 0x7f }).map((t) => 0x7f00 | t),
);

describe('DER/TLV parser', () => {
  it('round-trips any tag and value length (short and long form lengths)', () => {
    fc.assert(
      fc.property(tagArb, fc.uint8Array({ maxLength: 700 }), (tag, value) => {
        const enc = tlv(tag, value);
        const t = readTlv(enc);
        expect(t.tag).toBe(tag);
        expect(hex(t.value)).toBe(hex(value));
        expect(t.end).toBe(enc.length);
        expect(tlvTotalLength(enc.subarray(0, 8))).toBe(enc.length);
      }),
    );
  });

  it('reads sequences of TLVs back in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tagArb, fc.uint8Array({ maxLength: 40 })), { maxLength: 10 }), (items) => {
        const enc = Uint8Array.from(items.flatMap(([t, v]) => Array.from(tlv(t, v))));
        expect(readAll(enc).map((x) => [x.tag, hex(x.value)])).toEqual(items.map(([t, v]) => [t, hex(v)]));
      }),
    );
  });

  it('only ever fails with DER_MALFORMED on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          parseTree(bytes);
        } catch (err) {
          expect((err as { code?: string }).code).toBe('DER_MALFORMED');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects truncation, indefinite length and oversize lengths', () => {
    expect(() => readTlv(fromHex('3005020101'))).toThrow(/DER_MALFORMED/);
    expect(() => readTlv(fromHex('3080020101 0000'))).toThrow(/DER_MALFORMED/);
    expect(() => readTlv(fromHex('3085FFFFFFFFFF'))).toThrow(/DER_MALFORMED/);
    expect(() => readTlv(fromHex('5F'))).toThrow(/DER_MALFORMED/);
    expect(() => readTlv(new Uint8Array(0))).toThrow(/DER_MALFORMED/);
  });

  it('round-trips OIDs and integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 8 }), (a, b, rest) => {
        const oid = [a, b, ...rest].join('.');
        expect(oidToString(oidToBytes(oid))).toBe(oid);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 48 }), (n) => {
        expect(integerValue(readTlv(derInteger(n)))).toBe(n);
      }),
    );
  });

  it('decodes the EF.COM of the ICAO example and the VN EF.CardAccess', () => {
    expect(parseEfCom(fromHex('60145F0104303130365F36063034303030305C026175')).dataGroups).toEqual([1, 2]);
    expect(parseCardAccess(fromHex(VN_CARD_ACCESS_HEX))).toEqual([{ protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 }]);
  });

  it('finds JPEG and JPEG 2000 faces in DG2, and refuses DG2 without an image', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9);
    expect(extractFace(buildDg2(jpeg))).toEqual({ mime: 'image/jpeg', image: jpeg });
    const jp2 = fromHex('0000000C6A5020200D0A870A00000014667479706A703220');
    expect(extractFace(buildDg2(jp2)).mime).toBe('image/jp2');
    expect(() => extractFace(buildDg2(Uint8Array.of(1, 2, 3)))).toThrow(/DG_MALFORMED/);
  });

  it('refuses a malformed SOD with SOD_MALFORMED', () => {
    expect(() => parseSod(fromHex('7703020101'))).toThrow(/SOD_MALFORMED/);
    expect(() => parseSod(fromHex('770A300806062A864886F70D'))).toThrow(/SOD_MALFORMED/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (body) => {
        try {
          parseSod(Uint8Array.of(0x77, body.length, ...body));
        } catch (err) {
          expect((err as { code?: string }).code).toMatch(/^(SOD|DER)_MALFORMED$/);
        }
      }),
    );
  });
});
