import { beforeAll, describe, expect, it } from 'vitest';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildChain } from '../../../src-main/features/signing/verify/chain.ts';
import { checkCms, findSigner } from '../../../src-main/features/signing/verify/cms-check.ts';
import { parseCertificate } from '../../../src-main/features/signing/cms/der.ts';
import { runSync } from '../../support/children.ts';

let dir: string;
const openssl = (args: string[]) => runSync('openssl', args, { cwd: dir, timeout: 30_000 }).stdout;
const cert = (name: string) => new X509Certificate(readFileSync(join(dir, `${name}.pem`)));

function makeRoot(name: string, ext: string): void {
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-subj', `/O=Test/CN=${name}`, ...ext.split('\n').flatMap((e) => ['-addext', e])]);
}

/** Issues `name` signed by `issuer`'s key, with the given extensions (openssl, as a CA would). */
function issue(name: string, issuer: string, ext: string, serial?: number): void {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=Test/CN=${name}`]);
  writeFileSync(join(dir, `${name}.ext`), `${ext}\nsubjectKeyIdentifier=hash\n`);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, ...(serial ? ['-set_serial', String(serial)] : ['-CAcreateserial']), '-out', `${name}.pem`, '-days', '365', '-extfile', `${name}.ext`]);
}

/** openssl's own answer for the same chain: the independent verifier. */
function opensslAccepts(root: string, untrusted: string[], leaf: string): boolean {
  const args = ['verify', '-CAfile', `${root}.pem`, ...untrusted.flatMap((u) => ['-untrusted', `${u}.pem`]), `${leaf}.pem`];
  return runSync('openssl', args, { cwd: dir, timeout: 30_000, allowFailure: true }).status === 0;
}

const EE = 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation';
const CA = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign';
const now = new Date();
const chainOf = (leaf: string, pool: string[], root: string) => buildChain(cert(leaf), pool.map(cert), [cert(root)], now).chain;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osc-chain-'));
  makeRoot('root', CA);
  makeRoot('root-pathlen0', 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign');
  makeRoot('other-root', CA);
  issue('officer', 'root', EE);
  issue('forged', 'officer', EE); // "issued" by a citizen's end-entity certificate
  issue('officer-no-key-usage', 'root', 'basicConstraints=critical,CA:FALSE');
  issue('forged-by-no-key-usage', 'officer-no-key-usage', EE);
  issue('officer-bare', 'root', 'authorityKeyIdentifier=keyid');
  issue('forged-by-bare', 'officer-bare', EE);
  issue('inter', 'root', CA);
  issue('leaf-under-inter', 'inter', EE);
  issue('inter-no-certsign', 'root', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature');
  issue('leaf-under-no-certsign', 'inter-no-certsign', EE);
  issue('inter-under-pathlen0', 'root-pathlen0', CA);
  issue('leaf-too-deep', 'inter-under-pathlen0', EE);
  issue('same-serial-trusted', 'root', EE, 4242);
  issue('same-serial-stranger', 'other-root', EE, 4242);
}, 120_000);

describe('certificate path: issuers must be CAs allowed to sign certificates', () => {
  it('refuses a certificate issued by an end-entity certificate, as openssl does', () => {
    expect(opensslAccepts('root', ['officer'], 'forged')).toBe(false);
    expect(chainOf('forged', ['officer'], 'root')).toBe('untrusted');
    // Without a key usage extension only basicConstraints tells an end entity from a CA.
    expect(opensslAccepts('root', ['officer-no-key-usage'], 'forged-by-no-key-usage')).toBe(false);
    expect(chainOf('forged-by-no-key-usage', ['officer-no-key-usage'], 'root')).toBe('untrusted');
    expect(opensslAccepts('root', ['officer-bare'], 'forged-by-bare')).toBe(false);
    expect(chainOf('forged-by-bare', ['officer-bare'], 'root')).toBe('untrusted');
  });

  it('refuses an issuer whose key usage lacks keyCertSign, as openssl does', () => {
    expect(opensslAccepts('root', ['inter-no-certsign'], 'leaf-under-no-certsign')).toBe(false);
    expect(chainOf('leaf-under-no-certsign', ['inter-no-certsign'], 'root')).toBe('untrusted');
  });

  it('honours pathLenConstraint, as openssl does', () => {
    expect(opensslAccepts('root-pathlen0', ['inter-under-pathlen0'], 'leaf-too-deep')).toBe(false);
    expect(chainOf('leaf-too-deep', ['inter-under-pathlen0'], 'root-pathlen0')).toBe('untrusted');
  });

  it('still trusts proper chains (direct and through an intermediate CA)', () => {
    expect(opensslAccepts('root', [], 'officer')).toBe(true);
    expect(chainOf('officer', [], 'root')).toBe('trusted');
    expect(opensslAccepts('root', ['inter'], 'leaf-under-inter')).toBe(true);
    expect(chainOf('leaf-under-inter', ['inter'], 'root')).toBe('trusted');
    expect(opensslAccepts('root-pathlen0', [], 'inter-under-pathlen0')).toBe(true);
    expect(chainOf('inter-under-pathlen0', [], 'root-pathlen0')).toBe('trusted');
  });
});

describe('signer matched by its SignerIdentifier', () => {
  it('matches issuer and serial together, not the serial alone', () => {
    const trusted = cert('same-serial-trusted');
    const stranger = cert('same-serial-stranger');
    expect(trusted.serialNumber).toBe(stranger.serialNumber);
    const p = parseCertificate(trusted.raw);
    const si = new pkijs.SignerInfo({ sid: new pkijs.IssuerAndSerialNumber({ issuer: p.issuer, serialNumber: p.serialNumber }) });
    expect(findSigner(si, [stranger, trusted])?.subject).toBe(trusted.subject);
    expect(findSigner(si, [stranger])).toBeUndefined();
  });

  it('finds the signer by subject key identifier wherever it sits among the certificates', () => {
    const data = Buffer.from('hồ sơ một cửa');
    writeFileSync(join(dir, 'data.bin'), data);
    for (const extra of ['other-root', 'inter', 'same-serial-stranger']) {
      openssl(['cms', '-sign', '-binary', '-keyid', '-in', 'data.bin', '-signer', 'officer.pem', '-inkey', 'officer.key', '-certfile', `${extra}.pem`, '-outform', 'DER', '-out', 'sig.der', '-md', 'sha256']);
      const der = new Uint8Array(readFileSync(join(dir, 'sig.der')));
      const sid = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(der.slice().buffer).result }).content }).signerInfos[0]!.sid;
      expect(sid instanceof pkijs.IssuerAndSerialNumber).toBe(false);
      const r = checkCms(der, (hash) => createHash(hash).update(data).digest());
      expect(r.intact, r.reason).toBe(true);
      expect(r.signer?.subject).toContain('CN=officer');
    }
  });
});
