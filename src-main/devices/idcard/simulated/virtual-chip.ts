import { randomBytes } from 'node:crypto';
import { CardErrors } from '../../../contract/card.ts';
import { parseCardAccess } from '../../../domain/icao/card-access.ts';
import { concat, findChild, oidToString, readAll, readTlv, tlv } from '../../../domain/icao/der.ts';
import { bacKeys } from '../icao/bac.ts';
import { aesEncrypt, des3Decrypt, des3Encrypt, equalBytes, kdf, pad, retailMac } from '../icao/crypto.ts';
import { bigToBytes, decodePoint, encodePoint, generator, multiply, scalarFrom, type Curve, type Point } from '../icao/ec.ts';
import { authToken, mapGenerator, paceSuite, passwordKey, sessionKeys } from '../icao/pace.ts';
import { SmSession, unwrapCommand, wrapResponse } from '../icao/secure-messaging.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';
import type { Cipher } from '../icao/crypto.ts';
import type { CardImage } from './card-data.ts';

const AID = '07A0000002471001';
const SW = (sw: number) => Uint8Array.of(sw >> 8, sw & 0xff);

interface Parsed {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data: Uint8Array;
  le?: number;
}

/** Decodes a command APDU, short or extended length (ISO 7816-3 cases 1–4). */
export function parseCommand(raw: Uint8Array): Parsed {
  const [cla, ins, p1, p2] = raw as unknown as [number, number, number, number];
  const body = raw.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2, data: new Uint8Array(0) };
  if (body.length === 1) return { cla, ins, p1, p2, data: new Uint8Array(0), le: body[0] || 256 };
  if (body[0] === 0 && body.length >= 3) {
    if (body.length === 3) return { cla, ins, p1, p2, data: new Uint8Array(0), le: ((body[1] as number) << 8 | (body[2] as number)) || 65536 };
    const lc = ((body[1] as number) << 8) | (body[2] as number);
    const data = body.subarray(3, 3 + lc);
    const rest = body.subarray(3 + lc);
    return { cla, ins, p1, p2, data, le: rest.length === 2 ? (((rest[0] as number) << 8) | (rest[1] as number)) || 65536 : undefined };
  }
  const lc = body[0] as number;
  const data = body.subarray(1, 1 + lc);
  const rest = body.subarray(1 + lc);
  return { cla, ins, p1, p2, data, le: rest.length === 1 ? rest[0] || 256 : undefined };
}

export interface VirtualChipOptions {
  /** The CAN PACE accepts; defaults to the last 6 digits of the ID. */
  can?: string;
  /** Accept BAC (the MRZ keys). */
  bac?: boolean;
  /** Simulate a card pulled off the reader after this many APDUs. */
  removeAfter?: number;
  /** Largest response data in one APDU; 256 = short length only. */
  maxResponse?: number;
  /**
   * Refuse extended-length APDUs as short-only cards and readers do: `status` — the chip answers
   * 6700 in plain and ends secure messaging (ICAO 9303-11 §9.8.6); `reader` — the reader cannot
   * send the frame and the transmit fails (PC/SC NotTransacted), the chip never sees it.
   */
  refuseExtended?: 'status' | 'reader';
}

/** Extended length (ISO 7816-3 cases 2E–4E): the body starts with a 00 byte and has ≥ 3 bytes. */
export const isExtendedApdu = (raw: Uint8Array) => raw.length >= 7 && raw[4] === 0;

interface PaceState {
  cipher: Cipher;
  curve: Curve;
  protocol: string;
  nonce?: Uint8Array;
  mapped?: Point;
  ephSk?: bigint;
  ephPkIc?: Uint8Array;
  ephPkIfd?: Uint8Array;
}

/**
 * The card side of an ICAO eMRTD: SELECT, READ BINARY, GET CHALLENGE, MUTUAL AUTHENTICATE (BAC),
 * MSE:Set AT + GENERAL AUTHENTICATE (PACE-ECDH-GM) and secure messaging. A test double for a real
 * CCCD chip, which cannot exist on this machine; it also serves the vpcd bridge.
 */
export class VirtualChip implements ApduTransport {
  readonly maxResponse: number;
  private app: 'mf' | 'emrtd' = 'mf';
  private selected?: number;
  private sm?: SmSession;
  private challenge?: Uint8Array;
  private pace?: PaceState;
  private apdus = 0;
  present = true;
  /** Every APDU received, for tests that check what the terminal sent. */
  readonly log: Uint8Array[] = [];
  /** Extended-length APDUs refused under `refuseExtended`. */
  refusedExtended = 0;

  constructor(
    readonly image: CardImage,
    private readonly opts: VirtualChipOptions = {},
  ) {
    this.maxResponse = opts.maxResponse ?? 256;
  }

  /** Power cycle: drops the session as a real card does on reset. */
  reset(): void {
    this.app = 'mf';
    this.selected = undefined;
    this.sm = undefined;
    this.pace = undefined;
    this.challenge = undefined;
  }

  transmit(command: Uint8Array): Promise<Uint8Array> {
    this.apdus++;
    if (this.opts.removeAfter !== undefined && this.apdus > this.opts.removeAfter) this.present = false;
    if (!this.present) return Promise.reject(CardErrors.raise('CARD_REMOVED'));
    if (this.opts.refuseExtended && isExtendedApdu(command)) {
      this.refusedExtended++;
      if (this.opts.refuseExtended === 'reader') return Promise.reject(CardErrors.raise('READER_ERROR', { pcsc: 'NotTransacted' }));
      this.log.push(command.slice());
      this.sm = undefined;
      return Promise.resolve(SW(0x6700));
    }
    this.log.push(command.slice());
    return Promise.resolve(this.process(command));
  }

  process(raw: Uint8Array): Uint8Array {
    let c: Parsed;
    try {
      c = parseCommand(raw);
    } catch {
      return SW(0x6700);
    }
    if ((c.cla & 0x0c) === 0x0c) {
      if (!this.sm) return SW(0x6882);
      const sm = this.sm;
      const inner = (() => {
        try {
          return unwrapCommand(sm, raw, c.data);
        } catch {
          return undefined;
        }
      })();
      if (!inner) {
        this.sm = undefined;
        return SW(0x6988);
      }
      const res = this.dispatch({ ...c, cla: c.cla & ~0x0c, data: inner.data, le: inner.le }, true);
      const data = res.subarray(0, res.length - 2);
      const sw = ((res[res.length - 2] as number) << 8) | (res[res.length - 1] as number);
      return wrapResponse(sm, data, sw);
    }
    return this.dispatch(c, false);
  }

  private dispatch(c: Parsed, secure: boolean): Uint8Array {
    switch (c.ins) {
      case 0xa4:
        return this.select(c, secure);
      case 0xb0:
        return this.readBinary(c, secure);
      case 0x84:
        this.challenge = new Uint8Array(randomBytes(8));
        return concat(this.challenge, SW(0x9000));
      case 0x82:
        return this.mutualAuthenticate(c);
      case 0x22:
        return this.mseSetAt(c);
      case 0x86:
        return this.generalAuthenticate(c);
      default:
        return SW(0x6d00);
    }
  }

  private select(c: Parsed, secure: boolean): Uint8Array {
    if (c.p1 === 0x04) {
      if (Array.from(concat(Uint8Array.of(c.data.length), c.data), (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase() !== AID) return SW(0x6a82);
      this.app = 'emrtd';
      this.selected = undefined;
      return SW(0x9000);
    }
    if (c.p1 === 0x00 && c.data.length === 2 && c.data[0] === 0x3f) {
      this.app = 'mf';
      return SW(0x9000);
    }
    if (c.p1 !== 0x02 || c.data.length !== 2) return SW(0x6a86);
    const fid = ((c.data[0] as number) << 8) | (c.data[1] as number);
    const inMf = fid === 0x011c;
    if (!this.image.files.has(fid) || (inMf ? false : this.app !== 'emrtd')) return SW(0x6a82);
    if (!inMf && !secure) return SW(0x6982);
    this.selected = fid;
    return SW(0x9000);
  }

  private readBinary(c: Parsed, secure: boolean): Uint8Array {
    if (this.selected === undefined) return SW(0x6986);
    if (this.selected !== 0x011c && !secure) return SW(0x6982);
    const file = this.image.files.get(this.selected) as Uint8Array;
    const offset = (c.p1 << 8) | c.p2;
    if (offset > file.length) return SW(0x6b00);
    const want = Math.min(c.le ?? 256, this.maxResponse);
    return concat(file.subarray(offset, offset + want), SW(0x9000));
  }

  private mutualAuthenticate(c: Parsed): Uint8Array {
    const mrz = this.image.person;
    if (this.opts.bac === false || !this.challenge || c.data.length !== 40 || this.app !== 'emrtd') return SW(0x6985);
    const doc = mrz.idNumber.slice(3);
    const dob = `${mrz.dateOfBirth.slice(8, 10)}${mrz.dateOfBirth.slice(3, 5)}${mrz.dateOfBirth.slice(0, 2)}`;
    const exp = `${mrz.expiryDate.slice(8, 10)}${mrz.expiryDate.slice(3, 5)}${mrz.expiryDate.slice(0, 2)}`;
    const keys = bacKeys(doc, dob, exp);
    const e = c.data.subarray(0, 32);
    if (!equalBytes(retailMac(keys.kMac, pad(e, 8)), c.data.subarray(32))) return SW(0x6300);
    const s = des3Decrypt(keys.kEnc, e);
    const rndIfd = s.subarray(0, 8);
    if (!equalBytes(s.subarray(8, 16), this.challenge)) return SW(0x6300);
    const kIc = new Uint8Array(randomBytes(16));
    const eIc = des3Encrypt(keys.kEnc, concat(this.challenge, rndIfd, kIc));
    const seed = kIc.map((b, i) => b ^ (s[16 + i] as number));
    this.sm = new SmSession('3DES', kdf(seed, 1, '3DES'), kdf(seed, 2, '3DES'), concat(this.challenge.subarray(4), rndIfd.subarray(4)));
    this.challenge = undefined;
    return concat(eIc, retailMac(keys.kMac, pad(eIc, 8)), SW(0x9000));
  }

  private mseSetAt(c: Parsed): Uint8Array {
    const ca = this.image.files.get(0x011c);
    if (!ca || c.p1 !== 0xc1 || c.p2 !== 0xa4) return SW(0x6a80);
    const objs = readAll(c.data);
    const oid = findChild(objs, 0x80);
    const ref = findChild(objs, 0x83);
    if (!oid || !ref || ref.value[0] !== 2) return SW(0x6a80);
    const protocol = oidToString(oid.value);
    const offered = parseCardAccess(ca).find((i) => i.protocol === protocol);
    if (!offered) return SW(0x6a80);
    const { cipher, curve } = paceSuite(offered);
    this.sm = undefined;
    this.pace = { cipher, curve, protocol };
    return SW(0x9000);
  }

  private generalAuthenticate(c: Parsed): Uint8Array {
    const p = this.pace;
    if (!p) return SW(0x6985);
    const dyn = readTlv(c.data);
    if (dyn.tag !== 0x7c) return SW(0x6a80);
    const objs = readAll(dyn.value);
    const ok = (tag: number, v: Uint8Array) => concat(tlv(0x7c, tlv(tag, v)), SW(0x9000));
    const can = this.opts.can ?? this.image.person.idNumber.slice(-6);
    try {
      if (objs.length === 0) {
        p.nonce = new Uint8Array(randomBytes(p.cipher === '3DES' ? 8 : 16));
        const kPi = passwordKey(can, p.cipher);
        const z = p.cipher === '3DES' ? des3Encrypt(kPi, p.nonce) : aesEncrypt(kPi, p.nonce);
        return ok(0x80, z);
      }
      const [obj] = objs;
      if (!obj) return SW(0x6a80);
      if (obj.tag === 0x81 && p.nonce) {
        const sk = scalarFrom(new Uint8Array(randomBytes(40)), p.curve);
        const pkIfd = decodePoint(p.curve, obj.value);
        p.mapped = mapGenerator(p.curve, p.nonce, multiply(p.curve, sk, pkIfd));
        return ok(0x82, encodePoint(p.curve, multiply(p.curve, sk, generator(p.curve))));
      }
      if (obj.tag === 0x83 && p.mapped) {
        p.ephSk = scalarFrom(new Uint8Array(randomBytes(40)), p.curve);
        p.ephPkIc = encodePoint(p.curve, multiply(p.curve, p.ephSk, p.mapped));
        p.ephPkIfd = obj.value.slice();
        return ok(0x84, p.ephPkIc);
      }
      const ephPkIfd = p.ephPkIfd;
      if (obj.tag === 0x85 && p.ephSk !== undefined && p.ephPkIc && ephPkIfd) {
        const shared = bigToBytes(multiply(p.curve, p.ephSk, decodePoint(p.curve, ephPkIfd)).x, p.curve.size);
        const { kEnc, kMac } = sessionKeys(p.cipher, shared);
        this.pace = undefined;
        if (!equalBytes(obj.value, authToken(p.cipher, kMac, p.protocol, p.ephPkIc))) return SW(0x6300);
        this.sm = new SmSession(p.cipher, kEnc, kMac);
        return ok(0x86, authToken(p.cipher, kMac, p.protocol, ephPkIfd));
      }
    } catch {
      this.pace = undefined;
      return SW(0x6a80);
    }
    return SW(0x6985);
  }
}
