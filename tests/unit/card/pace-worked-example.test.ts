import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../../../src-main/domain/icao/der.ts';
import { mrzInformation } from '../../../src-main/domain/icao/mrz-key.ts';
import { PACE_OIDS } from '../../../src-main/domain/icao/card-access.ts';
import { kdf } from '../../../src-main/devices/idcard/icao/crypto.ts';
import { authToken, decryptNonce, mapGenerator, sessionKeys } from '../../../src-main/devices/idcard/icao/pace.ts';
import { BRAINPOOL_P256R1 as C, bigToBytes, bytesToBig, decodePoint, encodePoint, generator, isOnCurve, multiply } from '../../../src-main/devices/idcard/icao/ec.ts';

// ICAO Doc 9303 Part 11, Appendix G.1: PACE, ECDH generic mapping, brainpoolP256r1, AES-128 with the
// MRZ password of the specimen (T22000129, 12/08/1964, 31/10/2010). Every value below is the
// document's own; the same values appear in several independent open-source eMRTD test suites.
const G1 = {
  mrzInformation: 'T22000129364081251010318',
  mrzHash: '7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD',
  kPi: '89DED1B26624EC1E634C1989302849DD',
  encryptedNonce: '95A3A016522EE98D01E76CB6B98B42C3',
  nonce: '3F00C4D39D153F2B2A214A078D899B22',
  skMapIfd: '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99',
  pkMapIfd: ['7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E', '544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D'],
  skMapIc: '498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560',
  pkMapIc: ['824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57', '30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54'],
  h: ['60332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5', '0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181'],
  mappedG: ['8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2', '8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522'],
  skDhIfd: 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595',
  pkDhIfd: ['2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C', '3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462'],
  skDhIc: '107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A',
  pkDhIc: ['9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB', '7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094'],
  sharedK: '28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925',
  ksEnc: 'F5F0E35C0D7161EE6724EE513A0D9A7F',
  ksMac: 'FE251C7858B356B24514B3BD5F4297D1',
  tIfd: 'C2B0BD78D94BA866',
  tIc: '3ABB9674BCE93C08',
};

const big = (h: string) => BigInt(`0x${h}`);
const xy = (p: { x: bigint; y: bigint }) => [hex(bigToBytes(p.x, 32)), hex(bigToBytes(p.y, 32))];
const point = ([x, y]: string[]) => ({ x: big(x as string), y: big(y as string) });

describe('ICAO 9303-11 Appendix G.1: PACE-ECDH-GM-AES-CBC-CMAC-128 on brainpoolP256r1', () => {
  it('derives K_π from the MRZ password and decrypts the nonce', () => {
    expect(mrzInformation('T22000129', '640812', '101031')).toBe(G1.mrzInformation);
    const pi = createHash('sha1').update(G1.mrzInformation).digest();
    expect(hex(pi)).toBe(G1.mrzHash);
    const kPi = kdf(pi, 3, 'AES-128');
    expect(hex(kPi)).toBe(G1.kPi);
    expect(hex(decryptNonce('AES-128', kPi, fromHex(G1.encryptedNonce)))).toBe(G1.nonce);
  });

  it('computes both mapping public keys, the mapping secret H and the mapped generator', () => {
    expect(xy(multiply(C, big(G1.skMapIfd), generator(C)))).toEqual(G1.pkMapIfd);
    expect(xy(multiply(C, big(G1.skMapIc), generator(C)))).toEqual(G1.pkMapIc);
    const h = multiply(C, big(G1.skMapIfd), point(G1.pkMapIc));
    expect(xy(h)).toEqual(G1.h);
    expect(xy(multiply(C, big(G1.skMapIc), point(G1.pkMapIfd)))).toEqual(G1.h);
    const g2 = mapGenerator(C, fromHex(G1.nonce), h);
    expect(xy(g2)).toEqual(G1.mappedG);
    expect(isOnCurve(C, g2)).toBe(true);
  });

  it('computes the ephemeral keys on the mapped generator and the shared secret', () => {
    const g2 = point(G1.mappedG);
    expect(xy(multiply(C, big(G1.skDhIfd), g2))).toEqual(G1.pkDhIfd);
    expect(xy(multiply(C, big(G1.skDhIc), g2))).toEqual(G1.pkDhIc);
    const k = multiply(C, big(G1.skDhIfd), point(G1.pkDhIc));
    expect(hex(bigToBytes(k.x, 32))).toBe(G1.sharedK);
    expect(multiply(C, big(G1.skDhIc), point(G1.pkDhIfd)).x).toBe(k.x);
  });

  it('derives KS_enc and KS_mac and both authentication tokens', () => {
    const { kEnc, kMac } = sessionKeys('AES-128', fromHex(G1.sharedK));
    expect(hex(kEnc)).toBe(G1.ksEnc);
    expect(hex(kMac)).toBe(G1.ksMac);
    const pkDhIc = encodePoint(C, point(G1.pkDhIc));
    const pkDhIfd = encodePoint(C, point(G1.pkDhIfd));
    expect(hex(authToken('AES-128', kMac, PACE_OIDS.ECDH_GM_AES128, pkDhIc))).toBe(G1.tIfd);
    expect(hex(authToken('AES-128', kMac, PACE_OIDS.ECDH_GM_AES128, pkDhIfd))).toBe(G1.tIc);
  });

  it('encodes and decodes the points as uncompressed 04‖X‖Y', () => {
    const bytes = encodePoint(C, point(G1.pkMapIc));
    expect(hex(bytes)).toBe(`04${G1.pkMapIc.join('')}`);
    expect(decodePoint(C, bytes)).toEqual(point(G1.pkMapIc));
    expect(bytesToBig(fromHex(G1.nonce))).toBe(big(G1.nonce));
  });
});

describe('ICAO 9303-11 Appendix D.2: a TD1 with a long document number', () => {
  it('builds the MRZ information from the whole 12-character number', () => {
    expect(mrzInformation('D23145890734', '340712', '950712')).toBe('D23145890734934071279507122');
  });
});
