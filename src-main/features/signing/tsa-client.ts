import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SigningErrors } from '../../contract/signing.ts';
import { OID } from './cms/oids.ts';
import { toArrayBuffer } from './cms/der.ts';
import { httpFetch } from '../../platform/http.ts';

/**
 * Asks an RFC 3161 TSA for a token over `data` (the CMS signature value) and returns the token's
 * DER ContentInfo after checking the imprint and nonce it echoes.
 */
export async function requestTimestamp(url: string, data: Uint8Array, timeoutMs = 15_000): Promise<Uint8Array> {
  const digest = createHash('sha256').update(data).digest();
  const nonce = randomBytes(8);
  nonce[0]! &= 0x7f;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  let res: Response;
  try {
    res = await httpFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(req.toSchema().toBER(false)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw SigningErrors.raise('TSA_UNREACHABLE', { url, reason: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) throw SigningErrors.raise('TSA_UNREACHABLE', { url, httpStatus: res.status });
  const body = new Uint8Array(await res.arrayBuffer());
  let resp: pkijs.TimeStampResp;
  try {
    resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(body));
  } catch {
    throw SigningErrors.raise('TSA_INVALID_RESPONSE', { url });
  }
  const status = resp.status.status;
  if ((status !== 0 && status !== 1) || !resp.timeStampToken) throw SigningErrors.raise('TSA_REJECTED', { url, status });
  const tst = readTstInfo(resp.timeStampToken);
  if (!tst) throw SigningErrors.raise('TSA_INVALID_RESPONSE', { url });
  const imprint = new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!Buffer.from(imprint).equals(digest)) throw SigningErrors.raise('TSA_INVALID_RESPONSE', { url, reason: 'imprint mismatch' });
  if (!tst.nonce || !Buffer.from(tst.nonce.valueBlock.valueHexView).equals(nonce)) {
    throw SigningErrors.raise('TSA_INVALID_RESPONSE', { url, reason: 'nonce mismatch' });
  }
  return new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
}

/** The DER TSTInfo carried as eContent of a timestamp token, or undefined if it is not one. */
export function tstInfoBytes(token: pkijs.ContentInfo): Uint8Array | undefined {
  try {
    const sd = new pkijs.SignedData({ schema: token.content });
    if (sd.encapContentInfo.eContentType !== OID.tstInfo || !sd.encapContentInfo.eContent) return undefined;
    const inner = sd.encapContentInfo.eContent;
    // eContent may be a constructed OCTET STRING (BER); valueBlock.valueHexView is empty then.
    return inner.idBlock.isConstructed
      ? Buffer.concat(inner.valueBlock.value.map((v) => Buffer.from((v as asn1js.OctetString).valueBlock.valueHexView)))
      : new Uint8Array(inner.valueBlock.valueHexView);
  } catch {
    return undefined;
  }
}

export function readTstInfo(token: pkijs.ContentInfo): pkijs.TSTInfo | undefined {
  const bytes = tstInfoBytes(token);
  if (!bytes) return undefined;
  try {
    return pkijs.TSTInfo.fromBER(toArrayBuffer(bytes));
  } catch {
    return undefined;
  }
}
