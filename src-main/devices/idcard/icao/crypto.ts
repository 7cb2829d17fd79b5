import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { concat } from '../../../domain/icao/der.ts';

/** ISO/IEC 9797-1 padding method 2: always append 0x80, then zeros to the block size. */
export function pad(data: Uint8Array, block: number): Uint8Array {
  const n = data.length + 1;
  const out = new Uint8Array(Math.ceil(n / block) * block);
  out.set(data);
  out[data.length] = 0x80;
  return out;
}

export function unpad(data: Uint8Array): Uint8Array {
  let i = data.length - 1;
  while (i >= 0 && data[i] === 0) i--;
  if (i < 0 || data[i] !== 0x80) throw new Error('bad padding');
  return data.subarray(0, i);
}

function run(algo: string, key: Uint8Array, iv: Uint8Array | null, data: Uint8Array, encrypt: boolean): Uint8Array {
  const c = encrypt ? createCipheriv(algo, key, iv) : createDecipheriv(algo, key, iv);
  c.setAutoPadding(false);
  return new Uint8Array(Buffer.concat([c.update(data), c.final()]));
}

/** 2-key 3DES (K1‖K2, K3 = K1) in CBC mode; `data` must be block-aligned. */
export const des3Encrypt = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(8)) => run('des-ede-cbc', key, iv, data, true);
export const des3Decrypt = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(8)) => run('des-ede-cbc', key, iv, data, false);

function aesAlgo(key: Uint8Array, mode: 'cbc' | 'ecb'): string {
  return `aes-${key.length * 8}-${mode}`;
}
export const aesEncrypt = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)) => run(aesAlgo(key, 'cbc'), key, iv, data, true);
export const aesDecrypt = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(16)) => run(aesAlgo(key, 'cbc'), key, iv, data, false);
export const aesEcb = (key: Uint8Array, block: Uint8Array) => run(aesAlgo(key, 'ecb'), key, null, block, true);

/**
 * ISO 9797-1 MAC algorithm 3 ("retail MAC") with DES: single-DES CBC under K1, then 3DES on the last
 * block. Single DES is not in OpenSSL 3's default provider, so it runs as EDE with K1‖K1 (equal keys
 * make EDE one DES). `data` is padded already.
 */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const k1 = key.subarray(0, 8);
  const single = concat(k1, k1);
  const body = data.subarray(0, data.length - 8);
  const last = data.subarray(data.length - 8);
  const chained = body.length ? run('des-ede-cbc', single, new Uint8Array(8), body, true).subarray(body.length - 8) : new Uint8Array(8);
  return run('des-ede-cbc', key, chained, last, true);
}

/** AES-CMAC (NIST SP 800-38B); the full 16-byte tag. `data` is used as is (no ICAO padding). */
export function aesCmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  const l = aesEcb(key, new Uint8Array(16));
  const dbl = (b: Uint8Array) => {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) out[i] = (((b[i] as number) << 1) | ((b[i + 1] ?? 0) >> 7)) & 0xff;
    if ((b[0] as number) & 0x80) out[15] = (out[15] as number) ^ 0x87;
    return out;
  };
  const k1 = dbl(l);
  const k2 = dbl(k1);
  const n = Math.max(1, Math.ceil(data.length / 16));
  const complete = data.length > 0 && data.length % 16 === 0;
  const lastBlock = new Uint8Array(16);
  const tail = data.subarray((n - 1) * 16);
  lastBlock.set(tail);
  if (!complete) lastBlock[tail.length] = 0x80;
  const sub = complete ? k1 : k2;
  for (let i = 0; i < 16; i++) lastBlock[i] = (lastBlock[i] as number) ^ (sub[i] as number);
  const msg = concat(data.subarray(0, (n - 1) * 16), lastBlock);
  const enc = run(aesAlgo(key, 'cbc'), key, new Uint8Array(16), msg, true);
  return enc.subarray(enc.length - 16);
}

export function sha(alg: 'sha1' | 'sha256' | 'sha384' | 'sha512' | 'sha224', ...parts: Uint8Array[]): Uint8Array {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** DES keys carry odd parity in the low bit of each byte. */
export function withOddParity(key: Uint8Array): Uint8Array {
  return key.map((b) => {
    let ones = 0;
    for (let v = b >> 1; v; v >>= 1) ones += v & 1;
    return (b & 0xfe) | (ones % 2 === 0 ? 1 : 0);
  });
}

export type Cipher = '3DES' | 'AES-128' | 'AES-192' | 'AES-256';

/** ICAO 9303-11 §9.7.1 key derivation: hash(K ‖ counter), cut to the cipher's key length. */
export function kdf(secret: Uint8Array, counter: 1 | 2 | 3, cipher: Cipher): Uint8Array {
  const c = Uint8Array.of(0, 0, 0, counter);
  if (cipher === '3DES') return withOddParity(sha('sha1', secret, c).subarray(0, 16));
  if (cipher === 'AES-128') return sha('sha1', secret, c).subarray(0, 16);
  const h = sha('sha256', secret, c);
  return cipher === 'AES-192' ? h.subarray(0, 24) : h;
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((x, i) => x ^ (b[i] as number));
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= (a[i] as number) ^ (b[i] as number);
  return d === 0;
}
