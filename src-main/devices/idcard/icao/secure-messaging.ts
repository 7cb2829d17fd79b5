import { CardErrors } from '../../../contract/card.ts';
import { concat, readAll, tlv, type Tlv } from '../../../domain/icao/der.ts';
import { encodeCommand, decodeResponse, type CommandApdu, type ResponseApdu } from './apdu.ts';
import { aesCmac, aesDecrypt, aesEcb, aesEncrypt, des3Decrypt, des3Encrypt, equalBytes, pad, retailMac, unpad, type Cipher } from './crypto.ts';

/**
 * Session keys and send sequence counter of ICAO 9303-11 §9.8 secure messaging. The same object
 * serves the terminal (wrap commands, unwrap responses) and the virtual chip (the reverse).
 */
export class SmSession {
  readonly block: number;
  private readonly ssc: Uint8Array;

  constructor(
    readonly cipher: Cipher,
    private readonly kEnc: Uint8Array,
    private readonly kMac: Uint8Array,
    ssc?: Uint8Array,
  ) {
    this.block = cipher === '3DES' ? 8 : 16;
    this.ssc = new Uint8Array(this.block);
    if (ssc) this.ssc.set(ssc, this.block - ssc.length);
  }

  /** The counter is incremented before each command and each response. */
  incrementSsc(): void {
    for (let i = this.ssc.length - 1; i >= 0; i--) {
      this.ssc[i] = ((this.ssc[i] as number) + 1) & 0xff;
      if (this.ssc[i] !== 0) break;
    }
  }

  get sscValue(): Uint8Array {
    return this.ssc.slice();
  }

  private iv(): Uint8Array {
    return this.cipher === '3DES' ? new Uint8Array(8) : aesEcb(this.kEnc, this.ssc);
  }

  encrypt(plain: Uint8Array): Uint8Array {
    const p = pad(plain, this.block);
    return this.cipher === '3DES' ? des3Encrypt(this.kEnc, p, this.iv()) : aesEncrypt(this.kEnc, p, this.iv());
  }

  decrypt(cipherText: Uint8Array): Uint8Array {
    if (cipherText.length === 0 || cipherText.length % this.block) throw CardErrors.raise('SM_MALFORMED', { reason: 'cryptogram length' });
    const p = this.cipher === '3DES' ? des3Decrypt(this.kEnc, cipherText, this.iv()) : aesDecrypt(this.kEnc, cipherText, this.iv());
    try {
      return unpad(p);
    } catch {
      throw CardErrors.raise('SM_MALFORMED', { reason: 'padding' });
    }
  }

  /** MAC over SSC ‖ data, padded: retail MAC for 3DES, CMAC cut to 8 bytes for AES. */
  mac(data: Uint8Array): Uint8Array {
    const input = pad(concat(this.ssc, data), this.block);
    return this.cipher === '3DES' ? retailMac(this.kMac, input) : aesCmac(this.kMac, input).subarray(0, 8);
  }
}

const lengthBytes = (le: number, extended: boolean) =>
  extended ? Uint8Array.of((le >> 8) & 0xff, le & 0xff) : Uint8Array.of(le & 0xff);

/** Terminal side: protect a command APDU (DO87/DO85 + DO97 + DO8E), CLA |= 0x0C. */
export function wrapCommand(s: SmSession, c: CommandApdu): Uint8Array {
  s.incrementSsc();
  const cla = c.cla | 0x0c;
  const header = pad(Uint8Array.of(cla, c.ins, c.p1, c.p2), s.block);
  const parts: Uint8Array[] = [];
  if (c.data && c.data.length) {
    const crypto = s.encrypt(c.data);
    parts.push(c.ins % 2 === 1 ? tlv(0x85, crypto) : tlv(0x87, Uint8Array.of(1), crypto));
  }
  const extended = (c.le ?? 0) > 256 || (c.data?.length ?? 0) > 200;
  if (c.le !== undefined) parts.push(tlv(0x97, lengthBytes(c.le, extended)));
  const body = concat(...parts);
  const mac = s.mac(concat(header, body));
  const data = concat(body, tlv(0x8e, mac));
  return encodeCommand({ cla, ins: c.ins, p1: c.p1, p2: c.p2, data, le: extended ? 65536 : 256 }, extended);
}

function children(data: Uint8Array): Tlv[] {
  try {
    return readAll(data);
  } catch {
    throw CardErrors.raise('SM_MALFORMED', { reason: 'TLV' });
  }
}

/** Terminal side: check and decrypt a protected response. */
export function unwrapResponse(s: SmSession, raw: Uint8Array): ResponseApdu {
  const r = decodeResponse(raw);
  s.incrementSsc();
  if (r.data.length === 0) {
    // A card reports errors such as 6987/6988 (SM objects missing/incorrect) in plain.
    if (r.sw === 0x9000) throw CardErrors.raise('SM_MALFORMED', { reason: 'unprotected success' });
    return r;
  }
  const objs = children(r.data);
  const do87 = objs.find((o) => o.tag === 0x87 || o.tag === 0x85);
  const do99 = objs.find((o) => o.tag === 0x99);
  const do8e = objs.find((o) => o.tag === 0x8e);
  if (!do99 || !do8e) throw CardErrors.raise('SM_MALFORMED', { reason: 'DO99/DO8E missing' });
  const macInput = concat(...objs.filter((o) => o.tag !== 0x8e).map((o) => r.data.subarray(o.start, o.end)));
  if (!equalBytes(s.mac(macInput), do8e.value)) throw CardErrors.raise('SM_MAC_INVALID');
  const sw = ((do99.value[0] ?? 0) << 8) | (do99.value[1] ?? 0);
  let data: Uint8Array = new Uint8Array(0);
  if (do87) data = s.decrypt(do87.tag === 0x87 ? do87.value.subarray(1) : do87.value);
  return { data, sw };
}

/** Card side: check and decrypt a protected command. Returns undefined when its MAC is wrong. */
export function unwrapCommand(s: SmSession, raw: Uint8Array, body: Uint8Array): { data: Uint8Array; le?: number } | undefined {
  s.incrementSsc();
  const header = pad(raw.subarray(0, 4), s.block);
  const objs = readAll(body);
  const do8e = objs.find((o) => o.tag === 0x8e);
  if (!do8e) return undefined;
  const macInput = concat(...objs.filter((o) => o.tag !== 0x8e).map((o) => body.subarray(o.start, o.end)));
  if (!equalBytes(s.mac(concat(header, macInput)), do8e.value)) return undefined;
  const do87 = objs.find((o) => o.tag === 0x87 || o.tag === 0x85);
  const do97 = objs.find((o) => o.tag === 0x97);
  const data = do87 ? s.decrypt(do87.tag === 0x87 ? do87.value.subarray(1) : do87.value) : new Uint8Array(0);
  let le: number | undefined;
  if (do97) {
    le = 0;
    for (const b of do97.value) le = le * 256 + b;
    if (le === 0) le = do97.value.length > 1 ? 65536 : 256;
  }
  return { data, le };
}

/** Card side: protect a response. */
export function wrapResponse(s: SmSession, data: Uint8Array, sw: number): Uint8Array {
  s.incrementSsc();
  const do87 = data.length ? tlv(0x87, Uint8Array.of(1), s.encrypt(data)) : new Uint8Array(0);
  const do99 = tlv(0x99, Uint8Array.of(sw >> 8, sw & 0xff));
  const mac = s.mac(concat(do87, do99));
  return concat(do87, do99, tlv(0x8e, mac), Uint8Array.of(0x90, 0x00));
}
