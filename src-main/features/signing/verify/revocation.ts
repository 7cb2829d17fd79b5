import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { OID } from '../cms/oids.ts';
import { toArrayBuffer } from '../cms/der.ts';
import { httpFetch } from '../../../platform/http.ts';

export type Revocation = { status: 'good' | 'revoked' | 'unknown'; source: 'crl' | 'none' | 'unreachable'; revokedAt?: Date };

/** http(s) URLs of the certificate's CRL distribution points. */
export function crlUrls(cert: X509Certificate): string[] {
  const c = pkijs.Certificate.fromBER(toArrayBuffer(cert.raw));
  const ext = c.extensions?.find((e) => e.extnID === OID.crlDistributionPoints);
  const dps = ext?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  const urls: string[] = [];
  for (const dp of dps?.distributionPoints ?? []) {
    const names = Array.isArray(dp.distributionPoint) ? dp.distributionPoint : [];
    for (const gn of names) if (gn.type === 6 && /^https?:/i.test(String(gn.value))) urls.push(String(gn.value));
  }
  return urls;
}

export function hasOcsp(cert: X509Certificate): boolean {
  return /OCSP - URI:/i.test(cert.infoAccess ?? '');
}

/**
 * Checks the signer certificate against its CRL when one is published and reachable. The CRL
 * must be signed by the certificate's issuer; an unreachable or unverifiable CRL is "unknown".
 */
export async function checkRevocation(cert: X509Certificate, issuer: X509Certificate | undefined, timeoutMs = 5000): Promise<Revocation> {
  const urls = crlUrls(cert);
  if (urls.length === 0) return { status: 'unknown', source: hasOcsp(cert) ? 'unreachable' : 'none' };
  if (!issuer) return { status: 'unknown', source: 'unreachable' };
  for (const url of urls) {
    try {
      const res = await httpFetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok) continue;
      const body = new Uint8Array(await res.arrayBuffer());
      const der = /^-----BEGIN/.test(Buffer.from(body.subarray(0, 10)).toString('latin1'))
        ? Buffer.from(Buffer.from(body).toString('latin1').replace(/-----[^-]+-----|\s+/g, ''), 'base64')
        : Buffer.from(body);
      const crl = pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der));
      const issuerCert = pkijs.Certificate.fromBER(toArrayBuffer(issuer.raw));
      if (!(await crl.verify({ issuerCertificate: issuerCert }))) continue;
      const serial = Buffer.from(pkijs.Certificate.fromBER(toArrayBuffer(cert.raw)).serialNumber.valueBlock.valueHexView);
      const hit = crl.revokedCertificates?.find((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).equals(serial));
      if (hit) return { status: 'revoked', source: 'crl', revokedAt: hit.revocationDate.value };
      return { status: 'good', source: 'crl' };
    } catch {
      // try the next distribution point
    }
  }
  return { status: 'unknown', source: 'unreachable' };
}
