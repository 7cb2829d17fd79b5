import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derInteger, oidToBytes, tlv, concat } from '../../../domain/icao/der.ts';

/**
 * A test country signing CA and document signer, made at test time with pkijs (an implementation
 * independent of the app's own SOD parser), and a SOD they sign. Not a real CSCA.
 */
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
pkijs.setEngine('node', engine);

export interface TestCert {
  cert: pkijs.Certificate;
  der: Uint8Array;
  privateKey: CryptoKey;
}

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }),
    ],
  });
}

async function makeCert(cn: string, serial: number, isCa: boolean, issuer?: TestCert): Promise<TestCert> {
  const keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial });
  cert.subject = name(cn);
  cert.issuer = issuer ? issuer.cert.subject : name(cn);
  cert.notBefore.value = new Date(Date.UTC(2020, 0, 1));
  cert.notAfter.value = new Date(Date.UTC(2040, 0, 1));
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  const bc = new pkijs.BasicConstraints({ cA: isCa });
  cert.extensions = [new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: bc.toSchema().toBER(false), parsedValue: bc })];
  await cert.sign(issuer ? issuer.privateKey : keys.privateKey, 'SHA-256', engine);
  return { cert, der: new Uint8Array(cert.toSchema(true).toBER(false)), privateKey: keys.privateKey };
}

export interface TestPki {
  csca: TestCert;
  ds: TestCert;
}

export async function makeTestPki(label = 'Test CSCA Viet Nam'): Promise<TestPki> {
  const csca = await makeCert(label, 1, true);
  const ds = await makeCert(`${label} DS`, 2, false, csca);
  return { csca, ds };
}

const SHA256 = '2.16.840.1.101.3.4.2.1';
const LDS_SECURITY_OBJECT = '2.23.136.1.1.1';

/** LDSSecurityObject { version 0, hashAlgorithm, dataGroupHashValues } with SHA-256. */
export function ldsSecurityObject(dataGroups: Map<number, Uint8Array>): Uint8Array {
  const hashes = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dg, bytes]) => tlv(0x30, derInteger(dg), tlv(0x04, new Uint8Array(createHash('sha256').update(bytes).digest()))));
  return tlv(0x30, derInteger(0), tlv(0x30, tlv(0x06, oidToBytes(SHA256))), tlv(0x30, concat(...hashes)));
}

/** EF.SOD = 77 { ContentInfo { signedData } } signed by the document signer. */
export async function makeSod(pki: TestPki, dataGroups: Map<number, Uint8Array>): Promise<Uint8Array> {
  const lds = ldsSecurityObject(dataGroups);
  const digest = new Uint8Array(createHash('sha256').update(lds).digest());
  const sd = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: LDS_SECURITY_OBJECT, eContent: new asn1js.OctetString({ valueHex: lds }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: pki.ds.cert.issuer, serialNumber: pki.ds.cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: LDS_SECURITY_OBJECT })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
          ],
        }),
      }),
    ],
    certificates: [pki.ds.cert],
  });
  await sd.sign(pki.ds.privateKey, 0, 'SHA-256', undefined, engine);
  const ci = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) });
  return tlv(0x77, new Uint8Array(ci.toSchema().toBER(false)));
}
