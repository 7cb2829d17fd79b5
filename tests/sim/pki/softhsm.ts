import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Party } from './test-pki.ts';
import { runSync } from '../../support/children.ts';

/** Where Debian's softhsm2 puts its PKCS#11 library. */
export const SOFTHSM_MODULE = ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'].find(existsSync) ?? '/usr/lib/softhsm/libsofthsm2.so';

export interface SoftHsm {
  confPath: string;
  tokenDir: string;
}

/**
 * A SoftHSM2 token store in a temp dir. SOFTHSM2_CONF is set in this process (the library reads
 * it on C_Initialize) and passed to the CLI tools explicitly.
 */
export function createSoftHsm(): SoftHsm {
  const dir = mkdtempSync(join(tmpdir(), 'osc-softhsm-'));
  const tokenDir = join(dir, 'tokens');
  mkdirSync(tokenDir);
  const confPath = join(dir, 'softhsm2.conf');
  writeFileSync(confPath, `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = true\n`);
  process.env.SOFTHSM2_CONF = confPath;
  return { confPath, tokenDir };
}

const run = (hsm: SoftHsm, cmd: string, args: string[]) =>
  runSync(cmd, args, { env: { ...process.env, SOFTHSM2_CONF: hsm.confPath }, timeout: 60_000 }).stdout;

/** A token with the officer's key (imported from PKCS#8) and certificate under the same CKA_ID. */
export function initToken(hsm: SoftHsm, label: string, pin: string, parties: Array<{ party: Party; id: string }>, extraCertDers: string[] = []): void {
  run(hsm, 'softhsm2-util', ['--init-token', '--free', '--label', label, '--so-pin', '87654321', '--pin', pin]);
  for (const { party, id } of parties) {
    run(hsm, 'softhsm2-util', ['--import', party.pkcs8PemPath, '--token', label, '--label', party.commonName, '--id', id, '--pin', pin]);
    writeCert(hsm, label, pin, party.certDerPath, id, party.commonName);
  }
  extraCertDers.forEach((der, i) => writeCert(hsm, label, pin, der, `ca0${i}`, `CA ${i}`));
}

function writeCert(hsm: SoftHsm, label: string, pin: string, derPath: string, id: string, certLabel: string) {
  run(hsm, 'pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', label, '--login', '--pin', pin, '--write-object', derPath, '--type', 'cert', '--id', id, '--label', certLabel]);
}

/** Removes a token as if it was unplugged. */
export function deleteToken(hsm: SoftHsm, label: string): void {
  run(hsm, 'softhsm2-util', ['--delete-token', '--token', label]);
}
