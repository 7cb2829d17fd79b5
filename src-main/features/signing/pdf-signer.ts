import { createHash } from 'node:crypto';
import { SigningErrors, type SignOptions } from '../../contract/signing.ts';
import { assembleCms, buildSignedAttributes } from './cms/build-cms.ts';
import { parseCertificate, rdnCommonName } from './cms/der.ts';
import type { SigningKey } from './keys/signing-key.ts';
import { prepareSignature } from './pdf/prepare-signature.ts';
import { requestTimestamp } from './tsa-client.ts';

/** Room for the CMS: signer + chain certificates, signature, and a timestamp token with its own certificates. */
const RESERVED_BYTES = 24_000;

export interface SignPdfOptions extends SignOptions {
  /** Clock for tests; the signing time written in /M and on the stamp. */
  now?: Date;
  fontPath?: string;
}

export interface SignPdfResult {
  bytes: Uint8Array;
  timestamped: boolean;
  /** Where the time went; tokenMs is the key's own time (a USB token's is most of it). */
  timing: { totalMs: number; tokenMs: number; tsaMs: number };
}

/** Digest of the two ByteRange spans, streamed without copying the file. */
export function byteRangeDigest(bytes: Uint8Array, br: readonly number[], hash = 'sha256'): Uint8Array {
  const h = createHash(hash);
  h.update(bytes.subarray(br[0]!, br[0]! + br[1]!));
  h.update(bytes.subarray(br[2]!, br[2]! + br[3]!));
  return h.digest();
}

/** Signs PDF bytes with a PAdES (ETSI.CAdES.detached) signature, appended as an incremental update. */
export async function signPdf(pdf: Uint8Array, key: SigningKey, o: SignPdfOptions = {}): Promise<SignPdfResult> {
  const started = performance.now();
  const signingTime = o.now ?? new Date();
  const signerName = rdnCommonName(parseCertificate(key.certificate).subject);
  const prepared = await prepareSignature(pdf, {
    reservedBytes: RESERVED_BYTES,
    signingTime,
    signerName,
    reason: o.reason,
    location: o.location,
    stamp: o.stamp,
    fontPath: o.fontPath,
  });
  const signed = buildSignedAttributes(byteRangeDigest(prepared.bytes, prepared.byteRange), key.certificate);
  const tokenStart = performance.now();
  const signature = await key.sign(signed.toBeSigned);
  const tokenMs = performance.now() - tokenStart;
  let tsaMs = 0;
  let timestampToken: Uint8Array | undefined;
  if (o.tsaUrl) {
    const t = performance.now();
    timestampToken = await requestTimestamp(o.tsaUrl, signature);
    tsaMs = performance.now() - t;
  }
  const cms = assembleCms({ certDer: key.certificate, chainDer: key.chain, signed, scheme: key.scheme, signature, timestampToken });
  const hexCms = Buffer.from(cms).toString('hex').toUpperCase();
  if (hexCms.length > prepared.contentsHexLength) throw SigningErrors.raise('SIGNATURE_TOO_LARGE', { needed: cms.length });
  const out = prepared.bytes;
  Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(hexCms, prepared.contentsHexStart, 'latin1');
  return { bytes: out, timestamped: Boolean(timestampToken), timing: { totalMs: performance.now() - started, tokenMs, tsaMs } };
}
