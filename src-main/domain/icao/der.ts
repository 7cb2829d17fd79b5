import { CardErrors } from '../../contract/card.ts';

/** One BER/DER TLV: the tag as the bytes read (0x5F1F stays 0x5F1F), and its value. */
export interface Tlv {
  tag: number;
  constructed: boolean;
  value: Uint8Array;
  /** Offset of the first tag byte within the buffer that was parsed. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

const MAX_DEPTH = 32;

function malformed(reason: string, at: number): never {
  throw CardErrors.raise('DER_MALFORMED', { reason, at });
}

/** Reads one TLV at `offset`. Definite lengths only (the chip's files are DER). */
export function readTlv(buf: Uint8Array, offset = 0): Tlv {
  let p = offset;
  if (p >= buf.length) malformed('no tag', p);
  const first = buf[p++] as number;
  let tag = first;
  if ((first & 0x1f) === 0x1f) {
    let n = 0;
    for (;;) {
      if (p >= buf.length) malformed('truncated tag', p);
      const b = buf[p++] as number;
      tag = tag * 256 + b;
      if (++n > 3) malformed('tag too long', p);
      if ((b & 0x80) === 0) break;
    }
  }
  if (p >= buf.length) malformed('no length', p);
  const l0 = buf[p++] as number;
  let length = l0;
  if (l0 === 0x80) malformed('indefinite length', p);
  if (l0 > 0x80) {
    const n = l0 & 0x7f;
    if (n > 4) malformed('length too long', p);
    if (p + n > buf.length) malformed('truncated length', p);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + (buf[p++] as number);
  }
  if (p + length > buf.length) malformed('value runs past the end', p);
  return { tag, constructed: (first & 0x20) !== 0, value: buf.subarray(p, p + length), start: offset, end: p + length };
}

/** Every TLV that follows another to the end of `buf` (the children of a constructed value). */
export function readAll(buf: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  let p = 0;
  while (p < buf.length) {
    const t = readTlv(buf, p);
    out.push(t);
    p = t.end;
  }
  return out;
}

/** A parsed tree, for code that walks nested structures (DG13, SOD). */
export interface TlvNode extends Tlv {
  children: TlvNode[];
}

export function parseTree(buf: Uint8Array, depth = 0): TlvNode[] {
  if (depth > MAX_DEPTH) malformed('nesting too deep', 0);
  return readAll(buf).map((t) => ({ ...t, children: t.constructed ? parseTree(t.value, depth + 1) : [] }));
}

/** Reads exactly one TLV that must fill the buffer and carry `tag`. */
export function expectTlv(buf: Uint8Array, tag: number): Tlv {
  const t = readTlv(buf, 0);
  if (t.tag !== tag) malformed(`expected tag ${tag.toString(16)}, got ${t.tag.toString(16)}`, 0);
  return t;
}

export function findChild(children: Tlv[], tag: number): Tlv | undefined {
  return children.find((c) => c.tag === tag);
}

/** Total length of a file from its first bytes (tag + length), so a reader knows how much to fetch. */
export function tlvTotalLength(header: Uint8Array): number | undefined {
  let p = 1;
  if (header.length < 2) return undefined;
  if (((header[0] as number) & 0x1f) === 0x1f) {
    while (p < header.length && ((header[p] as number) & 0x80) !== 0) p++;
    p++;
  }
  const l0 = header[p];
  if (l0 === undefined || l0 === 0x80) return undefined;
  if (l0 < 0x80) return p + 1 + l0;
  const n = l0 & 0x7f;
  if (n > 4 || header.length < p + 1 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (header[p + 1 + i] as number);
  return p + 1 + n + len;
}

// ---------- encoding (the virtual chip and APDU builders use it) ----------

export function encodeLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTag(tag: number): Uint8Array {
  const bytes: number[] = [];
  for (let v = tag; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Uint8Array.from(bytes.length ? bytes : [0]);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function tlv(tag: number, ...value: Uint8Array[]): Uint8Array {
  const v = concat(...value);
  return concat(encodeTag(tag), encodeLength(v.length), v);
}

export function derInteger(n: number): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if ((bytes[0] as number) & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

/** Non-negative INTEGER value (up to 2^53). */
export function integerValue(t: Tlv): number {
  if (t.tag !== 0x02 || t.value.length === 0 || t.value.length > 7) malformed('bad INTEGER', t.start);
  let n = 0;
  for (const b of t.value) n = n * 256 + b;
  return n;
}

export function oidToString(value: Uint8Array): string {
  if (value.length === 0) malformed('empty OID', 0);
  const parts: number[] = [];
  const f = value[0] as number;
  parts.push(f < 80 ? Math.floor(f / 40) : 2, f < 80 ? f % 40 : f - 80);
  let acc = 0;
  for (let i = 1; i < value.length; i++) {
    const b = value[i] as number;
    acc = acc * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(acc);
      acc = 0;
    } else if (i === value.length - 1) malformed('truncated OID', i);
  }
  return parts.join('.');
}

export function oidToBytes(oid: string): Uint8Array {
  const n = oid.split('.').map(Number);
  const out: number[] = [(n[0] as number) * 40 + (n[1] as number)];
  for (const x of n.slice(2)) {
    const chunk: number[] = [x & 0x7f];
    for (let v = Math.floor(x / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return Uint8Array.from(out);
}

export const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
export function fromHex(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  if (clean.length % 2 || /[^0-9a-f]/i.test(clean)) throw new Error('bad hex');
  return Uint8Array.from(clean.match(/../g) ?? [], (h) => parseInt(h, 16));
}
