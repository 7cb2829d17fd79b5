import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import type { Authenticity } from '../../../contract/card.ts';
import { parseSod } from '../../../domain/icao/sod.ts';
import { equalBytes } from './crypto.ts';

const SIG_RSA_PSS = '1.2.840.113549.1.1.10';

function digest(alg: string, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(alg).update(data).digest());
}

/** Parses trusted CSCA certificates (DER or PEM); bad ones are skipped by the caller's loader. */
export function loadCertificate(bytes: Uint8Array): X509Certificate {
  return new X509Certificate(Buffer.from(bytes));
}

/**
 * ICAO 9303-11 §5.1 passive authentication: each data group's hash against the SOD, the SOD's CMS
 * signature with the document signer certificate it carries, and that certificate against the
 * trusted CSCA list. Certificate validity dates are not enforced: a DS certificate routinely expires
 * years before the cards it signed.
 */
export function passiveAuthentication(sodFile: Uint8Array, dataGroups: Map<number, Uint8Array>, cscas: X509Certificate[]): Authenticity {
  const reasons: string[] = [];
  let sod;
  try {
    sod = parseSod(sodFile);
  } catch {
    return { result: 'invalid', dataGroups: [], signatureOk: false, chainOk: false, reasons: ['SOD_MALFORMED'] };
  }
  const dgResults = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([dg, bytes]) => {
      const expected = sod.dgHashes.get(dg);
      const hashOk = expected !== undefined && equalBytes(digest(sod.dgHashAlgorithm, bytes), expected);
      if (!hashOk) reasons.push(expected ? `DG${dg}_HASH_MISMATCH` : `DG${dg}_NOT_IN_SOD`);
      return { dg, hashOk };
    });

  let signatureOk = false;
  let ds: X509Certificate | undefined;
  let signer: string | undefined;
  try {
    ds = sod.certificates.length ? new X509Certificate(Buffer.from(sod.certificates[0] as Uint8Array)) : undefined;
    if (!ds) reasons.push('NO_SIGNER_CERTIFICATE');
    else {
      signer = ds.subject.replace(/\n/g, ', ');
      const { signedAttrs, messageDigest, signature, digestAlgorithm, signatureAlgorithm } = sod.signer;
      const contentOk = signedAttrs ? messageDigest !== undefined && equalBytes(digest(digestAlgorithm, sod.eContent), messageDigest) : true;
      if (!contentOk) reasons.push('MESSAGE_DIGEST_MISMATCH');
      const signedBytes = signedAttrs ?? sod.eContent;
      const key = ds.publicKey;
      const options = signatureAlgorithm === SIG_RSA_PSS ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : key;
      signatureOk = contentOk && verify(digestAlgorithm, signedBytes, options, signature);
      if (contentOk && !signatureOk) reasons.push('SIGNATURE_INVALID');
    }
  } catch {
    reasons.push('SIGNATURE_UNVERIFIABLE');
  }

  const chainOk = !!ds && cscas.some((csca) => {
    try {
      return ds.checkIssued(csca) && ds.verify(csca.publicKey);
    } catch {
      return false;
    }
  });
  if (ds && !chainOk) reasons.push(cscas.length ? 'CSCA_NOT_TRUSTED' : 'NO_CSCA_CONFIGURED');
  const allHashes = dgResults.every((d) => d.hashOk);
  const result = !allHashes || !signatureOk ? 'invalid' : chainOk ? 'valid' : 'unknown-issuer';
  return { result, dataGroups: dgResults, signatureOk, chainOk, signer, reasons };
}
