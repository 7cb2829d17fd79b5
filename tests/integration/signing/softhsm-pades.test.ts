import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningProgress, SigningSettings } from '../../../src-main/contract/signing.ts';
import { SigningService } from '../../../src-main/features/signing/signing-service.ts';
import { createSoftHsm, deleteToken, initToken, SOFTHSM_MODULE, type SoftHsm } from '../../sim/pki/softhsm.ts';
import { createTestPki, revokeAndWriteCrl, type TestPki } from '../../sim/pki/test-pki.ts';
import { startTsa, type TsaSimulator } from '../../sim/pki/tsa-server.ts';
import { samplePdf } from '../../sim/pki/sample-pdf.ts';
import { pdfsig } from '../../sim/pki/pdfsig.ts';
import { runSync } from '../../support/children.ts';

const PIN = '123456';
let pki: TestPki;
let hsm: SoftHsm;
let tsa: TsaSimulator;
let dir: string;
let crlServer: Server;
let crlBody: Buffer | undefined;
const progress: SigningProgress[] = [];
let settings: SigningSettings;
let service: SigningService;


const pkcs11Key = (certId: string, pin = PIN) => ({ kind: 'pkcs11' as const, tokenLabel: 'Officer', certId, pin });

beforeAll(async () => {
  crlServer = createServer((_req, res) => (crlBody ? res.writeHead(200).end(crlBody) : res.writeHead(404).end()));
  await new Promise<void>((r) => crlServer.listen(0, '127.0.0.1', r));
  const crlUrl = `http://127.0.0.1:${(crlServer.address() as { port: number }).port}/ca.crl`;
  pki = createTestPki({ crlUrl });
  hsm = createSoftHsm();
  initToken(hsm, 'Officer', PIN, [{ party: pki.officer, id: '01' }, { party: pki.officerEc, id: '02' }], [pki.caDerPath]);
  tsa = await startTsa(pki.tsa);
  revokeAndWriteCrl(pki, undefined, join(pki.dir, 'empty.crl'));
  crlBody = readFileSync(join(pki.dir, 'empty.crl'));
  dir = mkdtempSync(join(tmpdir(), 'osc-sign-'));
  settings = { trustAnchorsPem: [pki.caPem], tsaUrl: tsa.url, defaultTokenLabel: '', pkcs11Modules: [SOFTHSM_MODULE], checkRevocation: true };
  service = new SigningService({ settings: () => settings, emit: (p) => progress.push(p) });
}, 60_000);

afterAll(async () => {
  await tsa?.close();
  await new Promise((r) => crlServer?.close(r));
});

describe('PAdES through SoftHSM2', () => {
  it('lists the token and its certificates without a PIN', async () => {
    const tokens = await service.tokens();
    const officer = tokens.find((t) => t.label === 'Officer');
    expect(officer?.certificates.map((c) => c.commonName)).toEqual(expect.arrayContaining(['Nguyễn Thị Hồng Nhung', 'Trần Văn Bình']));
    expect(officer?.pinLocked).toBe(false);
  });

  it('signs with the token (RSA, timestamped); pdfsig and our verifier both say valid', async () => {
    const src = join(dir, 'component.pdf');
    writeFileSync(src, await samplePdf(3));
    const out = join(dir, 'component.signed.pdf');
    const r = await service.signFile(src, out, pkcs11Key('01'), { reason: 'Số hóa bản sao' });
    expect(r.timestamped).toBe(true);
    const sig = pdfsig(out);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    expect(sig).toContain('ETSI.CAdES.detached');
    const v = await service.verifyFile(out);
    expect(v.status).toBe('valid');
    expect(v.signatures[0]).toMatchObject({ signerName: 'Nguyễn Thị Hồng Nhung', timestamped: true, chain: 'trusted', integrity: 'ok', revocation: 'good' });

    // A byte changed inside the signed range: both verifiers must notice.
    const bytes = readFileSync(out);
    const br = v.signatures.length ? (/\/ByteRange \[(\d+) (\d+)/.exec(bytes.toString('latin1')) ?? []) : [];
    const at = Math.floor(Number(br[2]) / 2);
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    const tamperedReport = pdfsig(tampered);
    expect(tamperedReport).not.toContain('Signature is Valid.');
    expect(tamperedReport).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const tv = await service.verifyFile(tampered);
    expect(tv.status).toBe('invalid');
    expect(tv.signatures[0]?.problems.map((p) => p.code)).toContain('DIGEST_MISMATCH');
  });

  it('signs with an ECDSA key and a visible Vietnamese stamp with an embedded font', async () => {
    const src = join(dir, 'form.pdf');
    writeFileSync(src, await samplePdf(1, { objectStreams: false }));
    const out = join(dir, 'form.signed.pdf');
    await service.signFile(src, out, pkcs11Key('02'), { stamp: { unit: 'UBND xã Tân Lập' }, tsaUrl: '' });
    const sig = pdfsig(out);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Trần Văn Bình');
    const text = readFileSync(out).toString('latin1');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/Subtype \/Widget[\s\S]*\/Rect \[ 339 36 559 92 \]/);
    expect((await service.verifyFile(out)).signatures[0]?.timestamped).toBe(false);
  });

  it('gives a coded Vietnamese error for a wrong PIN', async () => {
    const src = join(dir, 'pin.pdf');
    writeFileSync(src, await samplePdf(1));
    await expect(service.signFile(src, undefined, pkcs11Key('01', '000000'), {})).rejects.toMatchObject({
      code: 'PIN_INCORRECT',
      messages: { vi: expect.stringMatching(/Mã PIN không đúng/) },
    });
  });

  it('signs a batch with one login and reports progress per component', async () => {
    const paths = [1, 2, 3].map((i) => join(dir, `batch-${i}.pdf`));
    for (const p of paths) writeFileSync(p, await samplePdf(2));
    progress.length = 0;
    const r = await service.signFiles(paths, undefined, pkcs11Key('01'), {}, 'b1');
    expect(r.signed).toEqual(paths);
    expect(progress.map((p) => `${p.phase}:${p.done}/${p.total}`)).toEqual(['started:0/3', 'signed:1/3', 'signed:2/3', 'signed:3/3', 'finished:3/3']);
    for (const p of paths) expect(pdfsig(p)).toContain('Signature is Valid.');
    expect(tsa.requests()).toBeGreaterThanOrEqual(4);
  });

  it('sees a token unplugged and plugged in again without a restart', async () => {
    const src = join(dir, 'plug.pdf');
    writeFileSync(src, await samplePdf(1));
    deleteToken(hsm, 'Officer');
    await expect(service.signFile(src, undefined, pkcs11Key('01'), {})).rejects.toMatchObject({ code: 'TOKEN_NOT_FOUND' });
    initToken(hsm, 'Officer', PIN, [{ party: pki.officer, id: '01' }]);
    await service.signFile(src, undefined, pkcs11Key('01'), {});
    expect(pdfsig(src)).toContain('Signature is Valid.');
  });

  it('signs with a PKCS#12 file; a wrong password is coded', async () => {
    const src = join(dir, 'p12.pdf');
    writeFileSync(src, await samplePdf(1));
    await expect(service.signFile(src, undefined, { kind: 'pkcs12', path: pki.officer.p12Path, password: 'sai' }, {})).rejects.toMatchObject({ code: 'PKCS12_BAD_PASSWORD' });
    await service.signFile(src, undefined, { kind: 'pkcs12', path: pki.officer.p12Path, password: pki.officer.p12Password }, {});
    expect(pdfsig(src)).toContain('Signature is Valid.');
  });

  it('says unknown for a certificate from an untrusted CA, invalid once the signer is revoked', async () => {
    const src = join(dir, 'stranger.pdf');
    writeFileSync(src, await samplePdf(1));
    await service.signFile(src, undefined, { kind: 'pkcs12', path: pki.stranger.p12Path, password: pki.stranger.p12Password }, { tsaUrl: '' });
    const v = await service.verifyFile(src);
    expect(v.status).toBe('unknown');
    expect(v.signatures[0]?.problems.map((p) => p.code)).toContain('CHAIN_UNTRUSTED');

    const signed = join(dir, 'revoked.pdf');
    writeFileSync(signed, await samplePdf(1));
    await service.signFile(signed, undefined, pkcs11Key('01'), { tsaUrl: '' });
    const crlPath = join(pki.dir, 'ca.crl');
    revokeAndWriteCrl(pki, pki.officer.certPath, crlPath);
    const before = crlBody;
    crlBody = readFileSync(crlPath);
    const rv = await service.verifyFile(signed);
    expect(rv.status).toBe('invalid');
    expect(rv.signatures[0]?.revocation).toBe('revoked');
    crlBody = undefined;
    const unreachable = await service.verifyFile(signed);
    expect(unreachable.status).toBe('unknown');
    expect(unreachable.signatures[0]?.problems.map((p) => p.code)).toContain('REVOCATION_UNKNOWN');
    crlBody = before;
  });

  it('a rejecting TSA is a coded error and nothing is written', async () => {
    const src = join(dir, 'tsa.pdf');
    const original = await samplePdf(1);
    writeFileSync(src, original);
    tsa.setRejecting(true);
    try {
      await expect(service.signFile(src, undefined, pkcs11Key('01'), {})).rejects.toMatchObject({ code: 'TSA_REJECTED' });
    } finally {
      tsa.setRejecting(false);
    }
    expect(readFileSync(src).equals(Buffer.from(original))).toBe(true);
  });

  it('counter pdf sign / verify from the command line (PIN from the environment)', () => {
    const src = join(dir, 'cli.pdf');
    const out = join(dir, 'cli.signed.pdf');
    writeFileSync(src, readFileSync(join(dir, 'batch-1.pdf')));
    const dataDir = mkdtempSync(join(tmpdir(), 'osc-cli-'));
    const cli = (args: string[], pin?: string, allowFailure = false) =>
      runSync(process.execPath, ['src-main/launch/counter.mjs', ...args, '--data-dir', dataDir], {
        env: { ...process.env, SOFTHSM2_CONF: hsm.confPath, ...(pin ? { COUNTER_TOKEN_PIN: pin } : {}) },
        timeout: 60_000,
        allowFailure,
      });
    cli(['pdf', 'sign', src, '--module', SOFTHSM_MODULE, '--token', 'Officer', '--cert', '01', '--out', out, '--tsa', ''], PIN);
    expect(pdfsig(out)).toContain('Signature is Valid.');
    const report = JSON.parse(cli(['pdf', 'verify', out, '--json']).stdout) as { status: string; signatures: Array<{ integrity: string }> };
    expect(report.signatures.at(-1)?.integrity).toBe('ok');
    const failure = cli(['pdf', 'sign', src, '--module', SOFTHSM_MODULE, '--token', 'Officer', '--cert', '01', '--out', out, '--json'], '999999', true);
    expect(failure.status).toBe(1);
    expect(JSON.parse(failure.stdout)).toMatchObject({ error: { code: 'PIN_INCORRECT' } });
  }, 180_000); // three CLI processes in a row (each starts tsx and the core): ~30 s each on a loaded 2-core machine
});
