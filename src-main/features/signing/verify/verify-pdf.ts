import type { SignatureReport, SignatureStatus, VerifyReport } from '../../../contract/signing.ts';
import { byteRangeDigest } from '../pdf-signer.ts';
import { buildChain, parseAnchors } from './chain.ts';
import { checkCms } from './cms-check.ts';
import { findSignatures, type FoundSignature } from './find-signatures.ts';
import { problem, type ProblemCode } from './problems.ts';
import { checkRevocation } from './revocation.ts';

export interface VerifyOptions {
  trustAnchorsPem: string[];
  checkRevocation: boolean;
  /** "Now" for tests; signatures without a trusted time are judged at this instant. */
  now?: Date;
}

const rdn = (s: string) => s.split('\n').filter(Boolean).join(', ');
const cnOf = (s: string) => /(?:^|\n)CN=([^\n]+)/.exec(s)?.[1] ?? rdn(s);

function byteRangeSane(br: FoundSignature['byteRange'], length: number): boolean {
  return br[0] === 0 && br[1] > 0 && br[2] > br[1] && br[2] + br[3] <= length;
}

async function verifyOne(pdf: Uint8Array, s: FoundSignature, o: VerifyOptions, anchorsPem: string[]): Promise<SignatureReport> {
  const problems: ProblemCode[] = [];
  const br = s.byteRange;
  const base = { fieldName: s.fieldName, subFilter: s.subFilter, signingTime: s.claimedTime?.toISOString() };
  if (!byteRangeSane(br, pdf.length) || s.contents.length === 0) {
    return { ...base, signerName: '', signerSubject: '', timestamped: false, integrity: 'failed', coversWholeDocument: false, chain: 'unknown', validAtSigningTime: false, revocation: 'unknown', status: 'invalid', problems: [problem('BAD_BYTE_RANGE')] };
  }
  const coversWholeDocument = br[2] + br[3] === pdf.length;
  const cms = checkCms(s.contents, (hash) => byteRangeDigest(pdf, br, hash));
  const signerSubject = cms.signer ? rdn(cms.signer.subject) : '';
  const signerName = cms.signer ? cnOf(cms.signer.subject) : '';
  if (!cms.intact) {
    return { ...base, signerName, signerSubject, timestamped: false, integrity: 'failed', coversWholeDocument, chain: 'unknown', validAtSigningTime: false, revocation: 'unknown', status: 'invalid', problems: [problem((cms.reason as ProblemCode) ?? 'CMS_UNREADABLE')] };
  }
  const anchors = parseAnchors(anchorsPem);
  // A timestamp is trusted time only if it verifies and its TSA chains to an anchor.
  let signingTime = s.claimedTime ?? o.now ?? new Date();
  let timestamped = false;
  if (cms.timestamp) {
    if (!cms.timestamp.intact || !cms.timestamp.tsa) problems.push('TIMESTAMP_INVALID');
    else if (buildChain(cms.timestamp.tsa, cms.timestamp.certificates, anchors, cms.timestamp.time).chain !== 'trusted') problems.push('TIMESTAMP_UNTRUSTED');
    else {
      timestamped = true;
      signingTime = cms.timestamp.time;
    }
  }
  const chain = buildChain(cms.signer!, cms.certificates, anchors, signingTime);
  if (chain.chain === 'untrusted') problems.push('CHAIN_UNTRUSTED');
  if (chain.chain === 'unknown') problems.push('NO_TRUST_ANCHORS');
  if (!chain.validAt) problems.push('CERT_NOT_VALID_AT_SIGNING');
  if (!coversWholeDocument) problems.push('NOT_WHOLE_DOCUMENT');
  const rev = o.checkRevocation && chain.chain === 'trusted' ? await checkRevocation(cms.signer!, chain.issuer) : { status: 'unknown' as const, source: 'none' as const, revokedAt: undefined };
  // Revoked after a trusted timestamp still proves the signature was made while the certificate was good.
  const revoked = rev.status === 'revoked' && !(timestamped && rev.revokedAt && rev.revokedAt > signingTime);
  if (revoked) problems.push('REVOKED');
  if (rev.source === 'unreachable') problems.push('REVOCATION_UNKNOWN');

  let status: SignatureStatus = 'valid';
  if (revoked || !chain.validAt || problems.includes('TIMESTAMP_INVALID')) status = 'invalid';
  else if (chain.chain !== 'trusted' || rev.source === 'unreachable' || !coversWholeDocument) status = 'unknown';
  return {
    ...base,
    signingTime: signingTime.toISOString(),
    signerName,
    signerSubject,
    timestamped,
    integrity: 'ok',
    coversWholeDocument,
    chain: chain.chain,
    validAtSigningTime: chain.validAt,
    revocation: revoked ? 'revoked' : rev.status === 'revoked' ? 'good' : rev.status,
    status,
    problems: problems.map(problem),
  };
}

/** Verifies every signature of a PDF: valid only if all are; unsigned = unknown. */
export async function verifyPdf(pdf: Uint8Array, o: VerifyOptions): Promise<VerifyReport> {
  const found = await findSignatures(pdf);
  const signatures: SignatureReport[] = [];
  for (const s of found) signatures.push(await verifyOne(pdf, s, o, o.trustAnchorsPem));
  // An earlier signature not covering the file is normal when a later one does (each adds a revision).
  const last = signatures.reduce<SignatureReport | undefined>((a, b) => (b.coversWholeDocument ? b : a), undefined);
  if (last) {
    for (const r of signatures) {
      if (r !== last && !r.coversWholeDocument && r.status === 'unknown' && r.problems.length === 1 && r.problems[0]?.code === 'NOT_WHOLE_DOCUMENT') {
        r.status = 'valid';
        r.problems = [];
      }
    }
  }
  const status: SignatureStatus =
    signatures.length === 0 ? 'unknown' : signatures.some((s) => s.status === 'invalid') ? 'invalid' : signatures.every((s) => s.status === 'valid') ? 'valid' : 'unknown';
  return { status, signatures };
}
