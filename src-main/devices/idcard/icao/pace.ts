import { randomBytes } from 'node:crypto';
import { CardErrors } from '../../../contract/card.ts';
import { PACE_OIDS, type PaceInfo } from '../../../domain/icao/card-access.ts';
import { concat, findChild, oidToBytes, readAll, readTlv, tlv } from '../../../domain/icao/der.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';
import { sendPlain, type ResponseApdu } from './apdu.ts';
import { aesCmac, aesDecrypt, des3Decrypt, equalBytes, kdf, pad, retailMac, type Cipher } from './crypto.ts';
import { addPoints, bigToBytes, bytesToBig, CURVES_BY_PARAMETER_ID, decodePoint, encodePoint, generator, multiply, scalarFrom, type Curve, type Point } from './ec.ts';
import { SmSession } from './secure-messaging.ts';

export const PACE_CIPHERS: Record<string, Cipher> = {
  [PACE_OIDS.ECDH_GM_3DES]: '3DES',
  [PACE_OIDS.ECDH_GM_AES128]: 'AES-128',
  [PACE_OIDS.ECDH_GM_AES192]: 'AES-192',
  [PACE_OIDS.ECDH_GM_AES256]: 'AES-256',
};

/** What VN apps assume when EF.CardAccess cannot be read (notes §2.2). */
export const VN_DEFAULT_PACE: PaceInfo = { protocol: PACE_OIDS.ECDH_GM_AES128, version: 2, parameterId: 13 };

/** PACE password reference: 1 = MRZ, 2 = CAN. */
export const PASSWORD_CAN = 2;

export function paceSuite(info: PaceInfo): { cipher: Cipher; curve: Curve } {
  const cipher = PACE_CIPHERS[info.protocol];
  const curve = CURVES_BY_PARAMETER_ID[info.parameterId ?? 13];
  if (!cipher || !curve) throw CardErrors.raise('PACE_UNSUPPORTED', { protocol: info.protocol, parameterId: info.parameterId });
  return { cipher, curve };
}

/** K_π = KDF(CAN, 3): the key that encrypts the chip's nonce. */
export const passwordKey = (can: string, cipher: Cipher) => kdf(new TextEncoder().encode(can), 3, cipher);

export function decryptNonce(cipher: Cipher, kPi: Uint8Array, z: Uint8Array): Uint8Array {
  return cipher === '3DES' ? des3Decrypt(kPi, z) : aesDecrypt(kPi, z);
}

/** The mapped generator of generic mapping: G' = s·G + H, H = shared point of the mapping keys. */
export function mapGenerator(curve: Curve, nonce: Uint8Array, shared: Point): Point {
  return addPoints(curve, multiply(curve, bytesToBig(nonce), generator(curve)), shared);
}

/** Authentication token: MAC over 7F49 { 06 OID, 86 peer's ephemeral public point }. */
export function authToken(cipher: Cipher, kMac: Uint8Array, protocol: string, peerPoint: Uint8Array): Uint8Array {
  const data = tlv(0x7f49, tlv(0x06, oidToBytes(protocol)), tlv(0x86, peerPoint));
  return cipher === '3DES' ? retailMac(kMac, pad(data, 8)) : aesCmac(kMac, data).subarray(0, 8);
}

export const sessionKeys = (cipher: Cipher, sharedX: Uint8Array) => ({ kEnc: kdf(sharedX, 1, cipher), kMac: kdf(sharedX, 2, cipher) });

/** GENERAL AUTHENTICATE with dynamic authentication data 7C; CLA 0x10 while the chain goes on. */
async function generalAuthenticate(t: ApduTransport, tag: number | undefined, value: Uint8Array, last: boolean): Promise<Uint8Array> {
  const data = tag === undefined ? tlv(0x7c) : tlv(0x7c, tlv(tag, value));
  const r: ResponseApdu = await sendPlain(t, { cla: last ? 0x00 : 0x10, ins: 0x86, p1: 0, p2: 0, data, le: 256 });
  if (r.sw === 0x6300 || (r.sw & 0xfff0) === 0x63c0 || r.sw === 0x6982) throw CardErrors.raise('ACCESS_DENIED', { sw: r.sw.toString(16) });
  if (r.sw !== 0x9000) throw CardErrors.raise('PACE_FAILED', { sw: r.sw.toString(16), step: tag });
  const outer = readTlv(r.data);
  if (outer.tag !== 0x7c) throw CardErrors.raise('PACE_FAILED', { reason: 'no 7C' });
  const inner = readAll(outer.value);
  const expected = tag === undefined ? 0x80 : tag + 1;
  const v = findChild(inner, expected);
  if (!v) throw CardErrors.raise('PACE_FAILED', { reason: `no ${expected.toString(16)}` });
  return v.value;
}

export interface PaceRandom {
  mapKey: Uint8Array;
  ephemeralKey: Uint8Array;
}

/** PACE-ECDH generic mapping with the CAN; returns the secure messaging session. */
export async function performPace(t: ApduTransport, can: string, info: PaceInfo, random?: PaceRandom): Promise<SmSession> {
  const { cipher, curve } = paceSuite(info);
  const setAt = concat(tlv(0x80, oidToBytes(info.protocol)), tlv(0x83, Uint8Array.of(PASSWORD_CAN)), info.parameterId === undefined ? new Uint8Array(0) : tlv(0x84, Uint8Array.of(info.parameterId)));
  const mse = await sendPlain(t, { cla: 0, ins: 0x22, p1: 0xc1, p2: 0xa4, data: setAt });
  if (mse.sw !== 0x9000) throw CardErrors.raise('PACE_UNSUPPORTED', { sw: mse.sw.toString(16) });

  const z = await generalAuthenticate(t, undefined, new Uint8Array(0), false);
  const s = decryptNonce(cipher, passwordKey(can, cipher), z);

  const rand = random ?? { mapKey: new Uint8Array(randomBytes(curve.size + 8)), ephemeralKey: new Uint8Array(randomBytes(curve.size + 8)) };
  try {
    const mapSk = scalarFrom(rand.mapKey, curve);
    const mapPkIc = decodePoint(curve, await generalAuthenticate(t, 0x81, encodePoint(curve, multiply(curve, mapSk, generator(curve))), false));
    const g2 = mapGenerator(curve, s, multiply(curve, mapSk, mapPkIc));

    const ephSk = scalarFrom(rand.ephemeralKey, curve);
    const ephPkIfd = encodePoint(curve, multiply(curve, ephSk, g2));
    const ephPkIcBytes = await generalAuthenticate(t, 0x83, ephPkIfd, false);
    if (equalBytes(ephPkIcBytes, ephPkIfd)) throw CardErrors.raise('PACE_FAILED', { reason: 'reflected key' });
    const ephPkIc = decodePoint(curve, ephPkIcBytes);
    const shared = bigToBytes(multiply(curve, ephSk, ephPkIc).x, curve.size);
    const { kEnc, kMac } = sessionKeys(cipher, shared);

    const tIc = await generalAuthenticate(t, 0x85, authToken(cipher, kMac, info.protocol, ephPkIcBytes), true);
    if (!equalBytes(tIc, authToken(cipher, kMac, info.protocol, ephPkIfd))) throw CardErrors.raise('PACE_FAILED', { reason: 'chip token' });
    return new SmSession(cipher, kEnc, kMac);
  } catch (err) {
    if (err instanceof Error && /point|infinity|invertible/.test(err.message)) throw CardErrors.raise('PACE_FAILED', { reason: err.message });
    throw err;
  }
}
