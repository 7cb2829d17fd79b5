import { createHash, createPrivateKey, sign as cryptoSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { assembleCms, buildSignedAttributes } from '../../../src-main/features/signing/cms/build-cms.ts';
import { OID } from '../../../src-main/features/signing/cms/oids.ts';
import { toArrayBuffer } from '../../../src-main/features/signing/cms/der.ts';
import type { Party } from './test-pki.ts';

export interface TsaSimulator {
  url: string;
  /** How many requests it answered (tests check one per signature). */
  requests: () => number;
  /** Make the next answers a rejection (PKIStatus 2) to test error paths. */
  setRejecting(on: boolean): void;
  close(): Promise<void>;
}

/**
 * A local RFC 3161 time-stamping authority over real HTTP on 127.0.0.1: parses the
 * TimeStampReq, signs a TSTInfo with the TSA certificate and answers a TimeStampResp.
 */
export async function startTsa(tsa: Party, chainPems: string[] = []): Promise<TsaSimulator> {
  const key = createPrivateKey(readFileSync(tsa.keyPath));
  const certDer = new Uint8Array(readFileSync(tsa.certDerPath));
  const chainDer = chainPems.map((p) => new Uint8Array(Buffer.from(p.replace(/-----[^-]+-----|\s+/g, ''), 'base64')));
  let serial = 1;
  let count = 0;
  let rejecting = false;

  const answer = (body: Uint8Array): Uint8Array => {
    const req = pkijs.TimeStampReq.fromBER(toArrayBuffer(body));
    if (rejecting) {
      return new Uint8Array(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) }).toSchema().toBER(false));
    }
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: '1.3.6.1.4.1.99999.1.1',
      messageImprint: req.messageImprint,
      serialNumber: new asn1js.Integer({ value: serial++ }),
      genTime: new Date(Math.floor(Date.now() / 1000) * 1000),
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
    const content = new Uint8Array(tst.toSchema().toBER(false));
    const signed = buildSignedAttributes(createHash('sha256').update(content).digest(), certDer, OID.tstInfo);
    const signature = new Uint8Array(cryptoSign('sha256', signed.toBeSigned, key));
    const token = assembleCms({ certDer, chainDer, signed, scheme: 'rsa-pkcs1', signature, encapsulated: { type: OID.tstInfo, content } });
    const tokenInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(toArrayBuffer(token)).result });
    return new Uint8Array(new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }), timeStampToken: tokenInfo }).toSchema().toBER(false));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count++;
      try {
        const out = answer(new Uint8Array(Buffer.concat(chunks)));
        res.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(Buffer.from(out));
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    requests: () => count,
    setRejecting: (on) => {
      rejecting = on;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
