import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSync } from '../../support/children.ts';

/**
 * A throw-away PKI made with the openssl CLI: a root CA standing in for the VGCA root, an officer
 * certificate (RSA, and an ECDSA P-256 one), and a TSA certificate with the timeStamping EKU.
 */
export interface TestPki {
  dir: string;
  caPem: string;
  caKeyPath: string;
  caCertPath: string;
  caDerPath: string;
  officer: Party;
  officerEc: Party;
  tsa: Party;
  /** An officer certificate from a CA that is not configured as trusted. */
  stranger: Party;
}

export interface Party {
  keyPath: string;
  certPath: string;
  certDerPath: string;
  pkcs8PemPath: string;
  p12Path: string;
  p12Password: string;
  commonName: string;
}

const openssl = (args: string[], cwd: string) => runSync('openssl', args, { cwd, timeout: 60_000, binary: true }).stdout;

function issue(dir: string, name: string, subject: string, caCert: string, caKey: string, ext: string, keyAlg: string[]): Party {
  const keyPath = join(dir, `${name}.key`);
  openssl(['req', '-new', '-newkey', ...keyAlg, '-nodes', '-keyout', keyPath, '-out', `${name}.csr`, '-subj', subject, '-utf8'], dir);
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(
    ['x509', '-req', '-in', `${name}.csr`, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-out', `${name}.pem`, '-days', '730', '-sha256', '-extfile', `${name}.ext`],
    dir,
  );
  openssl(['x509', '-in', `${name}.pem`, '-outform', 'DER', '-out', `${name}.der`], dir);
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', keyPath, '-out', `${name}.p8.pem`], dir);
  const p12Password = 'mật-khẩu-p12';
  openssl(['pkcs12', '-export', '-inkey', keyPath, '-in', `${name}.pem`, '-certfile', caCert, '-out', `${name}.p12`, '-passout', `pass:${p12Password}`], dir);
  const cn = /CN=([^/]+)/.exec(subject)![1]!;
  return {
    keyPath,
    certPath: join(dir, `${name}.pem`),
    certDerPath: join(dir, `${name}.der`),
    pkcs8PemPath: join(dir, `${name}.p8.pem`),
    p12Path: join(dir, `${name}.p12`),
    p12Password,
    commonName: cn,
  };
}

function makeCa(dir: string, name: string, subject: string) {
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '3650', '-sha256', '-subj', subject, '-utf8',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    dir,
  );
  return { cert: `${name}.pem`, key: `${name}.key` };
}

export function createTestPki(opts: { crlUrl?: string } = {}): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'osc-pki-'));
  mkdirSync(dir, { recursive: true });
  const ca = makeCa(dir, 'ca', '/C=VN/O=Counter Test CA/CN=Counter Test Root CA');
  openssl(['x509', '-in', ca.cert, '-outform', 'DER', '-out', 'ca.der'], dir);
  const other = makeCa(dir, 'other-ca', '/C=VN/O=Unknown CA/CN=Unknown Root CA');
  const crl = opts.crlUrl ? `crlDistributionPoints=URI:${opts.crlUrl}\n` : '';
  const signerExt = `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n${crl}`;
  const officerSubject = '/C=VN/ST=Hà Nội/O=UBND xã Tân Lập/CN=Nguyễn Thị Hồng Nhung';
  return {
    dir,
    caPem: readFileSync(join(dir, ca.cert), 'utf8'),
    caKeyPath: join(dir, ca.key),
    caCertPath: join(dir, ca.cert),
    caDerPath: join(dir, 'ca.der'),
    officer: issue(dir, 'officer', officerSubject, ca.cert, ca.key, signerExt, ['rsa:2048']),
    officerEc: issue(dir, 'officer-ec', '/C=VN/O=UBND xã Tân Lập/CN=Trần Văn Bình', ca.cert, ca.key, signerExt, ['ec', '-pkeyopt', 'ec_paramgen_curve:P-256']),
    tsa: issue(dir, 'tsa', '/C=VN/O=Counter Test CA/CN=Counter Test TSA', ca.cert, ca.key, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\n', ['rsa:2048']),
    stranger: issue(dir, 'stranger', '/C=VN/O=Somewhere/CN=Người Lạ', other.cert, other.key, signerExt, ['rsa:2048']),
  };
}

/** Writes the CA's CRL (DER) to `outPath`, after revoking `certPath` if given. */
export function revokeAndWriteCrl(pki: TestPki, certPath: string | undefined, outPath: string): void {
  const d = pki.dir;
  if (!existsSync(join(d, 'index.txt'))) writeFileSync(join(d, 'index.txt'), '');
  if (!existsSync(join(d, 'crlnumber'))) writeFileSync(join(d, 'crlnumber'), '01\n');
  writeFileSync(
    join(d, 'ca.cnf'),
    `[ca]\ndefault_ca=CA_default\n[CA_default]\ndatabase=${join(d, 'index.txt')}\ncrlnumber=${join(d, 'crlnumber')}\ndefault_md=sha256\ndefault_crl_days=30\ncertificate=${pki.caCertPath}\nprivate_key=${pki.caKeyPath}\n`,
  );
  if (certPath) openssl(['ca', '-config', 'ca.cnf', '-revoke', certPath], d);
  openssl(['ca', '-config', 'ca.cnf', '-gencrl', '-out', 'ca.crl.pem'], d);
  openssl(['crl', '-in', 'ca.crl.pem', '-outform', 'DER', '-out', outPath], d);
}
