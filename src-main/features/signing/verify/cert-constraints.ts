import type { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../cms/der.ts';

const BASIC_CONSTRAINTS = '2.5.29.19';
const KEY_USAGE = '2.5.29.15';
const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
/** keyCertSign is bit 5 of KeyUsage; in the first content byte that is 0x04 (bit 0 is 0x80). */
const KEY_CERT_SIGN = 0x04;

export interface IssuerConstraints {
  /** basicConstraints cA = TRUE. */
  ca: boolean;
  /** pathLenConstraint, when the CA sets one. */
  pathLen?: number;
  /** KeyUsage allows signing certificates (true when the extension is absent, as openssl accepts). */
  keyCertSign: boolean;
  subjectKeyId?: Buffer;
}

const cache = new WeakMap<X509Certificate, IssuerConstraints>();

/** What the certificate says about its right to issue certificates (RFC 5280 §4.2.1.3, §4.2.1.9). */
export function issuerConstraints(cert: X509Certificate): IssuerConstraints {
  const hit = cache.get(cert);
  if (hit) return hit;
  let out: IssuerConstraints = { ca: false, keyCertSign: false };
  try {
    const exts = parseCertificate(cert.raw).extensions ?? [];
    const bc = exts.find((e) => e.extnID === BASIC_CONSTRAINTS)?.parsedValue as pkijs.BasicConstraints | undefined;
    const ku = exts.find((e) => e.extnID === KEY_USAGE)?.parsedValue as asn1js.BitString | undefined;
    const ski = exts.find((e) => e.extnID === SUBJECT_KEY_IDENTIFIER)?.parsedValue as asn1js.OctetString | undefined;
    const pathLen = bc?.pathLenConstraint;
    out = {
      ca: bc?.cA === true,
      pathLen: typeof pathLen === 'number' ? pathLen : pathLen instanceof asn1js.Integer ? pathLen.valueBlock.valueDec : undefined,
      keyCertSign: ku ? ((ku.valueBlock.valueHexView[0] ?? 0) & KEY_CERT_SIGN) !== 0 : true,
      subjectKeyId: ski ? Buffer.from(ski.valueBlock.valueHexView) : undefined,
    };
  } catch {
    // an unparsable certificate may sign nothing
  }
  cache.set(cert, out);
  return out;
}

/**
 * Whether `issuer` may sign a certificate that has `below` CA certificates between it and the
 * end certificate (0 for the end certificate's direct issuer).
 */
export function mayIssue(issuer: X509Certificate, below: number): boolean {
  const c = issuerConstraints(issuer);
  return c.ca && c.keyCertSign && (c.pathLen === undefined || below <= c.pathLen);
}
