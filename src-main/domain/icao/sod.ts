import { CardErrors } from '../../contract/card.ts';
import { concat, integerValue, oidToString, parseTree, type TlvNode } from './der.ts';

/** The parts of EF.SOD (a CMS SignedData) that passive authentication checks. */
export interface SodParts {
  /** Hash algorithm of the LDS security object, as a node:crypto name (sha256 …). */
  dgHashAlgorithm: string;
  dgHashes: Map<number, Uint8Array>;
  /** The DER of the eContent (LDSSecurityObject) that messageDigest covers. */
  eContent: Uint8Array;
  signer: {
    digestAlgorithm: string;
    signatureAlgorithm: string;
    /** signedAttrs re-tagged as SET (0x31): the bytes the signature covers. */
    signedAttrs?: Uint8Array;
    messageDigest?: Uint8Array;
    signature: Uint8Array;
    /** Issuer DER + serial, to pick the certificate. */
    serial?: Uint8Array;
  };
  certificates: Uint8Array[];
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '2.16.840.1.101.3.4.2.4': 'sha224',
};

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

function bad(reason: string): never {
  throw CardErrors.raise('SOD_MALFORMED', { reason });
}

function child(n: TlvNode | undefined, i: number, tag?: number): TlvNode {
  const c = n?.children[i];
  if (!c || (tag !== undefined && c.tag !== tag)) bad(`expected ${tag?.toString(16)} at ${i}`);
  return c;
}

const oidOf = (n: TlvNode) => (n.tag === 0x06 ? oidToString(n.value) : bad('OID expected'));
const algOf = (n: TlvNode) => oidOf(child(n, 0, 0x06));

/** OCTET STRING, primitive or (as some CMS encoders write eContent) constructed from segments. */
function octetString(n: TlvNode): Uint8Array {
  if (n.tag === 0x04) return n.value;
  if (n.tag !== 0x24) bad('OCTET STRING expected');
  return concat(...n.children.map(octetString));
}

function hashName(oid: string): string {
  return HASHES[oid] ?? bad(`hash ${oid}`);
}

export function parseSod(file: Uint8Array): SodParts {
  let root: TlvNode | undefined;
  try {
    root = parseTree(file)[0];
  } catch {
    bad('DER');
  }
  if (!root || root.tag !== 0x77) bad('tag 77');
  const contentInfo = child(root, 0, 0x30);
  if (oidOf(child(contentInfo, 0)) !== OID_SIGNED_DATA) bad('not SignedData');
  const sd = child(child(contentInfo, 1, 0xa0), 0, 0x30);
  const encap = sd.children.find((c) => c.tag === 0x30 && c.children[0]?.tag === 0x06);
  if (!encap) bad('encapContentInfo');
  const eContent = octetString(child(child(encap, 1, 0xa0), 0));
  const lds = parseTree(eContent)[0];
  if (!lds || lds.tag !== 0x30) bad('LDSSecurityObject');
  const dgHashAlgorithm = hashName(algOf(child(lds, 1, 0x30)));
  const dgHashes = new Map<number, Uint8Array>();
  for (const h of child(lds, 2, 0x30).children) dgHashes.set(integerValue(child(h, 0, 0x02)), child(h, 1, 0x04).value);

  const certificates = (sd.children.find((c) => c.tag === 0xa0)?.children ?? []).map((c) => rawBytes(c).slice());
  const signerInfos = sd.children.filter((c) => c.tag === 0x31).at(-1);
  const si = signerInfos?.children[0];
  if (!si || si.tag !== 0x30) bad('signerInfo');
  let i = 1;
  const sid = child(si, i++);
  const digestAlgorithm = hashName(algOf(child(si, i++, 0x30)));
  let signedAttrs: Uint8Array | undefined;
  let messageDigest: Uint8Array | undefined;
  if (si.children[i]?.tag === 0xa0) {
    const attrs = child(si, i++);
    signedAttrs = rawBytes(attrs).slice();
    signedAttrs[0] = 0x31;
    for (const a of attrs.children) {
      if (oidOf(child(a, 0)) === OID_MESSAGE_DIGEST) messageDigest = child(child(a, 1, 0x31), 0, 0x04).value;
    }
  }
  const signatureAlgorithm = algOf(child(si, i++, 0x30));
  const signature = child(si, i, 0x04).value;
  const serial = sid.tag === 0x30 ? sid.children[1]?.value : undefined;
  return { dgHashAlgorithm, dgHashes, eContent, signer: { digestAlgorithm, signatureAlgorithm, signedAttrs, messageDigest, signature, serial }, certificates };
}

/** The node's original bytes (header and value), from the buffer it was parsed out of. */
function rawBytes(n: TlvNode): Uint8Array {
  const headerLength = n.end - n.start - n.value.length;
  return new Uint8Array(n.value.buffer, n.value.byteOffset - headerLength, n.end - n.start);
}
