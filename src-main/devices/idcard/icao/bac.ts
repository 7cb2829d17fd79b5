import { randomBytes } from 'node:crypto';
import { CardErrors } from '../../../contract/card.ts';
import { concat } from '../../../domain/icao/der.ts';
import { mrzInformation } from '../../../domain/icao/mrz-key.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';
import { expectOk, sendPlain } from './apdu.ts';
import { des3Decrypt, des3Encrypt, equalBytes, kdf, pad, retailMac, sha, xor } from './crypto.ts';
import { SmSession } from './secure-messaging.ts';

export interface BacKeys {
  kEnc: Uint8Array;
  kMac: Uint8Array;
}

/** Kseed = SHA-1(MRZ information)[0..16]; K_enc/K_mac derived with counters 1 and 2. */
export function bacKeysFromMrzInfo(info: string): BacKeys & { seed: Uint8Array } {
  const seed = sha('sha1', new TextEncoder().encode(info)).subarray(0, 16);
  return { seed, kEnc: kdf(seed, 1, '3DES'), kMac: kdf(seed, 2, '3DES') };
}

export function bacKeys(documentNumber: string, dateOfBirth: string, dateOfExpiry: string): BacKeys {
  return bacKeysFromMrzInfo(mrzInformation(documentNumber, dateOfBirth, dateOfExpiry));
}

/** Randomness the handshake needs; tests pass the ICAO worked example's values. */
export interface BacRandom {
  rndIfd: Uint8Array;
  kIfd: Uint8Array;
}

/** The MUTUAL AUTHENTICATE command data E_IFD ‖ M_IFD. */
export function bacAuthData(keys: BacKeys, rndIc: Uint8Array, r: BacRandom): Uint8Array {
  const e = des3Encrypt(keys.kEnc, concat(r.rndIfd, rndIc, r.kIfd));
  return concat(e, retailMac(keys.kMac, pad(e, 8)));
}

/** Checks the card's answer and derives the session: KSseed = K.IFD ⊕ K.IC, SSC from both nonces. */
export function bacSession(keys: BacKeys, rndIc: Uint8Array, r: BacRandom, response: Uint8Array): SmSession {
  if (response.length !== 40) throw CardErrors.raise('ACCESS_DENIED', { reason: 'BAC response length' });
  const e = response.subarray(0, 32);
  if (!equalBytes(retailMac(keys.kMac, pad(e, 8)), response.subarray(32))) throw CardErrors.raise('ACCESS_DENIED', { reason: 'BAC MAC' });
  const s = des3Decrypt(keys.kEnc, e);
  if (!equalBytes(s.subarray(0, 8), rndIc) || !equalBytes(s.subarray(8, 16), r.rndIfd)) {
    throw CardErrors.raise('ACCESS_DENIED', { reason: 'BAC nonce' });
  }
  const seed = xor(r.kIfd, s.subarray(16, 32));
  const ssc = concat(rndIc.subarray(4, 8), r.rndIfd.subarray(4, 8));
  return new SmSession('3DES', kdf(seed, 1, '3DES'), kdf(seed, 2, '3DES'), ssc);
}

/** Runs BAC: GET CHALLENGE, MUTUAL AUTHENTICATE; returns the secure messaging session. */
export async function performBac(t: ApduTransport, keys: BacKeys, random?: BacRandom): Promise<SmSession> {
  const rndIc = expectOk(await sendPlain(t, { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }), 'GET CHALLENGE');
  if (rndIc.length !== 8) throw CardErrors.raise('CARD_STATUS', { context: 'GET CHALLENGE length' });
  const r = random ?? { rndIfd: new Uint8Array(randomBytes(8)), kIfd: new Uint8Array(randomBytes(16)) };
  const res = await sendPlain(t, { cla: 0, ins: 0x82, p1: 0, p2: 0, data: bacAuthData(keys, rndIc, r), le: 40 });
  if (res.sw !== 0x9000) throw CardErrors.raise('ACCESS_DENIED', { sw: res.sw.toString(16) });
  return bacSession(keys, rndIc, r, res.data);
}
