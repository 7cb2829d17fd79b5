import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as pkijs from 'pkijs';
import { SigningErrors } from '../../../contract/signing.ts';
import { toArrayBuffer } from '../cms/der.ts';
import type { SigningKey } from './signing-key.ts';
import { softwareKey } from './software-key.ts';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

/**
 * Opens a PKCS#12 (.p12/.pfx) file, the fallback for agencies without tokens. Handles what
 * current tools write (PBES2 + AES, HMAC-SHA-256 MAC). The password is used here and dropped.
 */
export async function loadPkcs12(path: string, password: string): Promise<SigningKey> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw SigningErrors.raise('FILE_READ_FAILED', { path });
  }
  const pwd = toArrayBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(bytes));
  } catch {
    throw SigningErrors.raise('PKCS12_INVALID', { path });
  }
  try {
    await pfx.parseInternalValues({ password: pwd, checkIntegrity: true });
  } catch {
    throw SigningErrors.raise('PKCS12_BAD_PASSWORD', { path });
  }
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw SigningErrors.raise('PKCS12_INVALID', { path });
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: pwd })) });
  } catch {
    throw SigningErrors.raise('PKCS12_BAD_PASSWORD', { path });
  }
  const keys: Uint8Array[] = [];
  const certs: Uint8Array[] = [];
  for (const sc of safe.parsedValue?.safeContents ?? []) {
    for (const bag of sc.value.safeBags) {
      if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        // Declared protected in pkijs' typings but it is the documented way to decrypt the bag.
        await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password: pwd });
        if (shrouded.parsedValue) keys.push(new Uint8Array(shrouded.parsedValue.toSchema().toBER(false)));
      } else if (bag.bagId === BAG.key) {
        keys.push(new Uint8Array((bag.bagValue as pkijs.PrivateKeyInfo).toSchema().toBER(false)));
      } else if (bag.bagId === BAG.cert) {
        const cb = bag.bagValue as pkijs.CertBag;
        if (cb.parsedValue instanceof pkijs.Certificate) certs.push(new Uint8Array(cb.parsedValue.toSchema().toBER(false)));
      }
    }
  }
  const keyDer = keys[0];
  if (!keyDer) throw SigningErrors.raise('PKCS12_INVALID', { path, reason: 'no private key' });
  const privateKey = createPrivateKey({ key: Buffer.from(keyDer), format: 'der', type: 'pkcs8' });
  // The signer certificate is the one whose public key matches the private key.
  const mine = certs.find((c) => new X509Certificate(Buffer.from(c)).checkPrivateKey(privateKey));
  if (!mine) throw SigningErrors.raise('PKCS12_INVALID', { path, reason: 'no certificate for the key' });
  return softwareKey(privateKey, mine, certs.filter((c) => c !== mine));
}
