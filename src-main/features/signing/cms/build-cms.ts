import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SignatureScheme } from '../keys/signing-key.ts';
import { OID } from './oids.ts';
import { parseCertificate, toArrayBuffer } from './der.ts';

const sha256Alg = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() });

/** ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed attributes. */
function signingCertificateV2(certDer: Uint8Array, cert: pkijs.Certificate): pkijs.Attribute {
  const certHash = createHash('sha256').update(certDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })] }),
      cert.serialNumber,
    ],
  });
  // hashAlgorithm is omitted: SHA-256 is the DEFAULT and DER forbids encoding a default.
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial] });
  const signingCertV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertV2] });
}

export interface SignedAttributes {
  attrs: pkijs.SignedAndUnsignedAttributes;
  /** DER with the SET OF tag: the exact bytes the key signs (RFC 5652 §5.4). */
  toBeSigned: Uint8Array;
}

/** contentType, messageDigest, signing-certificate-v2; no signingTime, which PAdES keeps in /M. */
export function buildSignedAttributes(contentDigest: Uint8Array, certDer: Uint8Array, contentType: string = OID.data): SignedAttributes {
  const cert = parseCertificate(certDer);
  const attrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })] }),
      signingCertificateV2(certDer, cert),
    ],
  });
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return { attrs, toBeSigned: der };
}

export function signatureAlgorithm(scheme: SignatureScheme): pkijs.AlgorithmIdentifier {
  if (scheme === 'ecdsa') return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
  if (scheme === 'rsa-pss') {
    const params = new pkijs.RSASSAPSSParams({
      hashAlgorithm: sha256Alg(),
      maskGenAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.mgf1, algorithmParams: sha256Alg().toSchema() }),
      saltLength: 32,
    });
    return new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaPss, algorithmParams: params.toSchema() });
  }
  return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
}

export interface CmsParts {
  certDer: Uint8Array;
  chainDer: Uint8Array[];
  signed: SignedAttributes;
  scheme: SignatureScheme;
  signature: Uint8Array;
  /** DER ContentInfo of an RFC 3161 token over `signature`, as the signature-time-stamp attribute. */
  timestampToken?: Uint8Array;
  /** Attached content (a TSA's TSTInfo); absent = detached id-data, as PAdES wants. */
  encapsulated?: { type: string; content: Uint8Array };
}

/** The detached CMS SignedData that goes into /Contents. */
export function assembleCms(p: CmsParts): Uint8Array {
  const cert = parseCertificate(p.certDer);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: sha256Alg(),
    signedAttrs: p.signed.attrs,
    signatureAlgorithm: signatureAlgorithm(p.scheme),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(p.signature) }),
  });
  if (p.timestampToken) {
    const token = asn1js.fromBER(toArrayBuffer(p.timestampToken)).result;
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: p.encapsulated ? 3 : 1,
    digestAlgorithms: [sha256Alg()],
    encapContentInfo: p.encapsulated
      ? new pkijs.EncapsulatedContentInfo({ eContentType: p.encapsulated.type, eContent: new asn1js.OctetString({ valueHex: toArrayBuffer(p.encapsulated.content) }) })
      : new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [cert, ...p.chainDer.map(parseCertificate)],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
