import { X509Certificate } from 'node:crypto';
import { mayIssue } from './cert-constraints.ts';

export interface ChainResult {
  chain: 'trusted' | 'untrusted' | 'unknown';
  /** Every certificate on the path was within its validity period at `at`. */
  validAt: boolean;
  path: X509Certificate[];
  /** The issuer of the end certificate, when found (needed to check a CRL's signature). */
  issuer?: X509Certificate;
}

export function parseAnchors(pems: string[]): X509Certificate[] {
  const out: X509Certificate[] = [];
  for (const pem of pems) {
    for (const block of pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
      try {
        out.push(new X509Certificate(block));
      } catch {
        // a broken PEM in the settings must not stop verification of the others
      }
    }
  }
  return out;
}

const within = (c: X509Certificate, at: Date) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
const same = (a: X509Certificate, b: X509Certificate) => a.raw.equals(b.raw);

/**
 * Walks from the end certificate to a configured trust anchor through the certificates the
 * signature carries, checking each issuer's signature. An issuer (anchors included) must be a CA
 * allowed to sign certificates and must honour its path length, as openssl requires: otherwise a
 * citizen's own signing certificate could "issue" one that verifies. No anchors → "unknown".
 */
export function buildChain(end: X509Certificate, pool: X509Certificate[], anchors: X509Certificate[], at: Date): ChainResult {
  const path = [end];
  let current = end;
  let issuer: X509Certificate | undefined;
  for (let depth = 0; depth < 10; depth++) {
    if (anchors.some((a) => same(a, current))) return { chain: 'trusted', validAt: path.every((c) => within(c, at)), path, issuer };
    // `depth` CA certificates already sit between this issuer and the end certificate.
    const candidates = [...anchors, ...pool].filter((c) => current.checkIssued(c) && !same(c, current) && mayIssue(c, depth));
    const next = candidates.find((c) => {
      try {
        return current.verify(c.publicKey);
      } catch {
        return false;
      }
    });
    if (depth === 0) issuer = next;
    if (!next) break;
    if (anchors.some((a) => same(a, next))) {
      path.push(next);
      return { chain: 'trusted', validAt: path.every((c) => within(c, at)), path, issuer };
    }
    path.push(next);
    current = next;
  }
  return { chain: anchors.length === 0 ? 'unknown' : 'untrusted', validAt: path.every((c) => within(c, at)), path, issuer };
}
