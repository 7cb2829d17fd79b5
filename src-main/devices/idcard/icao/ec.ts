/**
 * Prime-field elliptic curve arithmetic for PACE generic mapping, which needs whole points
 * (G' = s·G + H) that node:crypto's ECDH does not expose. Used with ephemeral keys only.
 */
export interface Curve {
  name: string;
  p: bigint;
  a: bigint;
  b: bigint;
  gx: bigint;
  gy: bigint;
  n: bigint;
  size: number;
}

export interface Point {
  x: bigint;
  y: bigint;
}

const h = (s: string) => BigInt(`0x${s}`);

export const BRAINPOOL_P256R1: Curve = {
  name: 'brainpoolP256r1',
  p: h('A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377'),
  a: h('7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9'),
  b: h('26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6'),
  gx: h('8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262'),
  gy: h('547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997'),
  n: h('A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7'),
  size: 32,
};

export const NIST_P256: Curve = {
  name: 'prime256v1',
  p: h('FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF'),
  a: h('FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC'),
  b: h('5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B'),
  gx: h('6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296'),
  gy: h('4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5'),
  n: h('FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551'),
  size: 32,
};

/** ICAO 9303-11 standardised domain parameter ids → curves this stack implements. */
export const CURVES_BY_PARAMETER_ID: Record<number, Curve> = { 12: NIST_P256, 13: BRAINPOOL_P256R1 };

const mod = (a: bigint, m: bigint) => {
  const r = a % m;
  return r < 0n ? r + m : r;
};

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error('not invertible');
  return mod(s0, m);
}

type Jac = [bigint, bigint, bigint];
const INF: Jac = [1n, 1n, 0n];

function double(c: Curve, [x, y, z]: Jac): Jac {
  if (z === 0n || y === 0n) return INF;
  const p = c.p;
  const yy = mod(y * y, p);
  const s = mod(4n * x * yy, p);
  const zz = mod(z * z, p);
  const m = mod(3n * x * x + c.a * zz * zz, p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yy * yy, p);
  const z3 = mod(2n * y * z, p);
  return [x3, y3, z3];
}

function add(c: Curve, a: Jac, b: Jac): Jac {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const p = c.p;
  const z1z1 = mod(a[2] * a[2], p);
  const z2z2 = mod(b[2] * b[2], p);
  const u1 = mod(a[0] * z2z2, p);
  const u2 = mod(b[0] * z1z1, p);
  const s1 = mod(a[1] * b[2] * z2z2, p);
  const s2 = mod(b[1] * a[2] * z1z1, p);
  if (u1 === u2) return s1 === s2 ? double(c, a) : INF;
  const hh = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  const h2 = mod(hh * hh, p);
  const h3 = mod(h2 * hh, p);
  const x3 = mod(r * r - h3 - 2n * u1 * h2, p);
  const y3 = mod(r * (u1 * h2 - x3) - s1 * h3, p);
  const z3 = mod(hh * a[2] * b[2], p);
  return [x3, y3, z3];
}

function toAffine(c: Curve, [x, y, z]: Jac): Point {
  if (z === 0n) throw new Error('point at infinity');
  const zi = inv(z, c.p);
  const zi2 = mod(zi * zi, c.p);
  return { x: mod(x * zi2, c.p), y: mod(y * zi2 * zi, c.p) };
}

export function multiply(c: Curve, k: bigint, pt: Point): Point {
  let acc: Jac = INF;
  const base: Jac = [pt.x, pt.y, 1n];
  const scalar = mod(k, c.n);
  for (let i = BigInt(scalar.toString(2).length - 1); i >= 0n; i--) {
    acc = double(c, acc);
    if ((scalar >> i) & 1n) acc = add(c, acc, base);
  }
  return toAffine(c, acc);
}

export function addPoints(c: Curve, a: Point, b: Point): Point {
  return toAffine(c, add(c, [a.x, a.y, 1n], [b.x, b.y, 1n]));
}

export const generator = (c: Curve): Point => ({ x: c.gx, y: c.gy });

export function isOnCurve(c: Curve, pt: Point): boolean {
  if (pt.x < 0n || pt.x >= c.p || pt.y < 0n || pt.y >= c.p) return false;
  return mod(pt.y * pt.y - (pt.x * pt.x * pt.x + c.a * pt.x + c.b), c.p) === 0n;
}

export function bigToBytes(v: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = v;
  for (let i = size - 1; i >= 0; i--) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}

export function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** Uncompressed SEC1 encoding 04 ‖ X ‖ Y. */
export function encodePoint(c: Curve, pt: Point): Uint8Array {
  const out = new Uint8Array(1 + 2 * c.size);
  out[0] = 4;
  out.set(bigToBytes(pt.x, c.size), 1);
  out.set(bigToBytes(pt.y, c.size), 1 + c.size);
  return out;
}

/** Decodes and validates a peer's point; a point off the curve would leak the private key. */
export function decodePoint(c: Curve, b: Uint8Array): Point {
  if (b.length !== 1 + 2 * c.size || b[0] !== 4) throw new Error('bad point encoding');
  const pt = { x: bytesToBig(b.subarray(1, 1 + c.size)), y: bytesToBig(b.subarray(1 + c.size)) };
  if (!isOnCurve(c, pt)) throw new Error('point not on curve');
  return pt;
}

/** A private scalar in [1, n-1] from random bytes. */
export function scalarFrom(random: Uint8Array, c: Curve): bigint {
  return mod(bytesToBig(random), c.n - 1n) + 1n;
}
