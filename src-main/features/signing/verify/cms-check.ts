import { constants, createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { HASH_BY_OID, OID } from '../cms/oids.ts';
import { parseCertificate, toArrayBuffer } from '../cms/der.ts';
import { issuerConstraints } from './cert-constraints.ts';
import { readTstInfo, tstInfoBytes } from '../tsa-client.ts';

export interface CmsCheck {
  /** The byte-range digest equals messageDigest and the signature verifies with the signer's key. */
  intact: boolean;
  reason?: string;
  signer?: X509Certificate;
  /** Every certificate the CMS carries (signer included). */
  certificates: X509Certificate[];
  timestamp?: { time: Date; intact: boolean; tsa?: X509Certificate; certificates: X509Certificate[] };
}

const certsOf = (sd: pkijs.SignedData) =>
  (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));

function attr(si: pkijs.SignerInfo, type: string): asn1js.AsnType | undefined {
  return si.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

/**
 * The certificate the SignerIdentifier names: issuer name and serial number together (a serial is
 * unique only per issuer), or the subject key identifier. Never "the first certificate".
 */
export function findSigner(si: pkijs.SignerInfo, certs: X509Certificate[]): X509Certificate | undefined {
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = Buffer.from(si.sid.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/, '').toUpperCase();
    const issuer = Buffer.from(si.sid.issuer.toSchema().toBER(false));
    return certs.find((c) => {
      if (c.serialNumber.replace(/^0+/, '').toUpperCase() !== serial) return false;
      return Buffer.from(parseCertificate(c.raw).issuer.toSchema().toBER(false)).equals(issuer);
    });
  }
  const keyId = subjectKeyIdOf(si.sid);
  return keyId?.length ? certs.find((c) => issuerConstraints(c).subjectKeyId?.equals(keyId)) : undefined;
}

/** `[0] IMPLICIT SubjectKeyIdentifier`: asn1js gives it as a primitive or as a wrapped OCTET STRING. */
function subjectKeyIdOf(sid: unknown): Buffer | undefined {
  if (sid instanceof asn1js.Constructed) {
    const inner = sid.valueBlock.value[0];
    return inner instanceof asn1js.OctetString ? Buffer.from(inner.valueBlock.valueHexView) : undefined;
  }
  if (sid instanceof asn1js.Primitive) return Buffer.from(sid.valueBlock.valueHexView);
  return undefined;
}

/** Verifies a SignerInfo's signature over its DER signed attributes with the certificate's key. */
function signatureVerifies(si: pkijs.SignerInfo, cert: X509Certificate, hash: string): boolean {
  if (!si.signedAttrs) return false;
  const tbs = new Uint8Array(si.signedAttrs.toSchema().toBER(false));
  tbs[0] = 0x31;
  const sig = new Uint8Array(si.signature.valueBlock.valueHexView);
  const alg = si.signatureAlgorithm.algorithmId;
  try {
    if (alg === OID.rsaPss) {
      return cryptoVerify(hash, tbs, { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, sig);
    }
    if (cert.publicKey.asymmetricKeyType === 'rsa') return cryptoVerify(hash, tbs, { key: cert.publicKey, padding: constants.RSA_PKCS1_PADDING }, sig);
    return cryptoVerify(hash, tbs, { key: cert.publicKey, dsaEncoding: 'der' }, sig);
  } catch {
    return false;
  }
}

function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) throw new Error('not DER');
  const ci = new pkijs.ContentInfo({ schema: asn.result });
  if (ci.contentType !== OID.signedData) throw new Error('not SignedData');
  return new pkijs.SignedData({ schema: ci.content });
}

/** Checks one detached CMS against the digest of the signed bytes. */
export function checkCms(der: Uint8Array, signedBytes: (hash: string) => Uint8Array): CmsCheck {
  let sd: pkijs.SignedData;
  try {
    sd = parseSignedData(der);
  } catch {
    return { intact: false, reason: 'CMS_UNREADABLE', certificates: [] };
  }
  const certificates = certsOf(sd);
  const si = sd.signerInfos[0];
  if (!si) return { intact: false, reason: 'CMS_UNREADABLE', certificates };
  const signer = findSigner(si, certificates);
  const hash = HASH_BY_OID[si.digestAlgorithm.algorithmId];
  if (!signer || !hash) return { intact: false, reason: signer ? 'DIGEST_UNSUPPORTED' : 'SIGNER_CERT_MISSING', signer, certificates };
  const md = attr(si, OID.messageDigest);
  const digest = signedBytes(hash);
  const mdOk = md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(digest);
  if (!mdOk) return { intact: false, reason: 'DIGEST_MISMATCH', signer, certificates };
  if (!signatureVerifies(si, signer, hash)) return { intact: false, reason: 'SIGNATURE_MISMATCH', signer, certificates };
  return { intact: true, signer, certificates, timestamp: checkTimestamp(si) };
}

/** The signature-time-stamp attribute: its imprint must be the hash of this signature value. */
function checkTimestamp(si: pkijs.SignerInfo): CmsCheck['timestamp'] {
  const token = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  if (!token) return undefined;
  try {
    const ci = new pkijs.ContentInfo({ schema: token });
    const tst = readTstInfo(ci);
    if (!tst) return undefined;
    const tsd = new pkijs.SignedData({ schema: ci.content });
    const certificates = certsOf(tsd);
    const tsi = tsd.signerInfos[0]!;
    const tsa = findSigner(tsi, certificates);
    const imprintHash = HASH_BY_OID[tst.messageImprint.hashAlgorithm.algorithmId] ?? 'sha256';
    const sigValue = new Uint8Array(si.signature.valueBlock.valueHexView);
    const imprintOk = Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(createHash(imprintHash).update(sigValue).digest());
    const tHash = HASH_BY_OID[tsi.digestAlgorithm.algorithmId] ?? 'sha256';
    const eContent = tstInfoBytes(ci)!;
    const md = attr(tsi, OID.messageDigest);
    const mdOk = md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(createHash(tHash).update(eContent).digest());
    const intact = imprintOk && mdOk && Boolean(tsa) && signatureVerifies(tsi, tsa!, tHash);
    return { time: tst.genTime, intact, tsa, certificates };
  } catch {
    return undefined;
  }
}
