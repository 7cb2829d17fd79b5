import { createECDH } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../../../src-main/domain/icao/der.ts';
import { aesCmac } from '../../../src-main/devices/idcard/icao/crypto.ts';
import { BRAINPOOL_P256R1, NIST_P256, bytesToBig, decodePoint, encodePoint, generator, isOnCurve, multiply } from '../../../src-main/devices/idcard/icao/ec.ts';
import { encodeCommand } from '../../../src-main/devices/idcard/icao/apdu.ts';
import { parseCommand } from '../../../src-main/devices/idcard/simulated/virtual-chip.ts';

describe('ICAO crypto primitives', () => {
  it('AES-CMAC matches RFC 4493 examples', () => {
    const k = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
    expect(hex(aesCmac(k, new Uint8Array(0)))).toBe('BB1D6929E95937287FA37D129B756746');
    expect(hex(aesCmac(k, fromHex('6bc1bee22e409f96e93d7e117393172a')))).toBe('070A16B46B4D4144F79BDD9DD04A287C');
    expect(hex(aesCmac(k, fromHex('6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411')))).toBe('DFA66747DE9AE63030CA32611497C827');
  });

  it.each([
    ['brainpoolP256r1', BRAINPOOL_P256R1],
    ['prime256v1', NIST_P256],
  ])('%s point multiplication agrees with OpenSSL', (name, curve) => {
    for (let i = 0; i < 3; i++) {
      const ecdh = createECDH(name);
      ecdh.generateKeys();
      const pub = multiply(curve, bytesToBig(ecdh.getPrivateKey()), generator(curve));
      expect(isOnCurve(curve, pub)).toBe(true);
      expect(hex(encodePoint(curve, pub))).toBe(hex(ecdh.getPublicKey()));
    }
  });

  it('refuses a point that is not on the curve', () => {
    const bad = encodePoint(NIST_P256, { x: 1n, y: 1n });
    expect(() => decodePoint(NIST_P256, bad)).toThrow(/not on curve/);
  });

  it('encodes short and extended APDUs that the card side decodes back', () => {
    const data = new Uint8Array(300).fill(7);
    const ext = parseCommand(encodeCommand({ cla: 0, ins: 0xb0, p1: 1, p2: 2, data, le: 1000 }));
    expect([ext.data.length, ext.le]).toEqual([300, 1000]);
    const short = parseCommand(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }));
    expect([short.data.length, short.le]).toEqual([0, 256]);
    expect(hex(encodeCommand({ cla: 0, ins: 0xa4, p1: 4, p2: 0x0c, data: fromHex('A0000002471001') }))).toBe('00A4040C07A0000002471001');
  });
});
