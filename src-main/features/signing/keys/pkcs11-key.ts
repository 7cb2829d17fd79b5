import { createHash } from 'node:crypto';
import { SigningErrors } from '../../../contract/signing.ts';
import { ecdsaRawToDer, parseCertificate } from '../cms/der.ts';
import { OID } from '../cms/oids.ts';
import { CKR, ckrOf, pkcs11Error } from './pkcs11-errors.ts';
import { type Pkcs11, pkcs11js, presentTokens, trimmed, withModule } from './pkcs11-module.ts';
import { FLAG_PIN_LOCKED, findObjects } from './pkcs11-tokens.ts';
import type { SignatureScheme, SigningKey } from './signing-key.ts';

export interface TokenKeySelector {
  tokenLabel?: string;
  tokenSerial?: string;
  /** CKA_ID of the certificate (and its key), hex. */
  certId: string;
  pin: string;
  /** RSA keys only: PKCS#1 v1.5 (default, what every reader accepts) or PSS. */
  rsaScheme?: 'rsa-pkcs1' | 'rsa-pss';
}

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1), for tokens that only do raw CKM_RSA_PKCS. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

function schemeFor(certDer: Uint8Array, rsaScheme: TokenKeySelector['rsaScheme']): SignatureScheme {
  const alg = parseCertificate(certDer).subjectPublicKeyInfo.algorithm.algorithmId;
  if (alg === OID.ecPublicKey) return 'ecdsa';
  if (alg === OID.rsaEncryption || alg === OID.rsaPss) return rsaScheme ?? 'rsa-pkcs1';
  throw SigningErrors.raise('KEY_UNSUPPORTED', { algorithm: alg });
}

function mechanismFor(scheme: SignatureScheme, available: Set<number>, data: Uint8Array): { mech: pkcs11js.Mechanism; input: Buffer } {
  const digest = createHash('sha256').update(data).digest();
  if (scheme === 'ecdsa') {
    if (!available.has(pkcs11js.CKM_ECDSA)) throw SigningErrors.raise('KEY_UNSUPPORTED', { mechanism: 'CKM_ECDSA' });
    return { mech: { mechanism: pkcs11js.CKM_ECDSA }, input: digest };
  }
  if (scheme === 'rsa-pss') {
    const parameter = { type: pkcs11js.CK_PARAMS_RSA_PSS, hashAlg: pkcs11js.CKM_SHA256, mgf: pkcs11js.CKG_MGF1_SHA256, saltLen: 32 };
    if (available.has(pkcs11js.CKM_SHA256_RSA_PKCS_PSS)) return { mech: { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS_PSS, parameter }, input: Buffer.from(data) };
    if (available.has(pkcs11js.CKM_RSA_PKCS_PSS)) return { mech: { mechanism: pkcs11js.CKM_RSA_PKCS_PSS, parameter }, input: digest };
    throw SigningErrors.raise('KEY_UNSUPPORTED', { mechanism: 'CKM_RSA_PKCS_PSS' });
  }
  if (available.has(pkcs11js.CKM_SHA256_RSA_PKCS)) return { mech: { mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, input: Buffer.from(data) };
  if (available.has(pkcs11js.CKM_RSA_PKCS)) return { mech: { mechanism: pkcs11js.CKM_RSA_PKCS }, input: Buffer.concat([SHA256_DIGEST_INFO, digest]) };
  throw SigningErrors.raise('KEY_UNSUPPORTED', { mechanism: 'CKM_RSA_PKCS' });
}

function login(p: Pkcs11, session: Buffer, pin: string) {
  if (!pin) throw SigningErrors.raise('PIN_REQUIRED');
  try {
    p.C_Login(session, pkcs11js.CKU_USER, pin);
  } catch (e) {
    if (ckrOf(e) === CKR.USER_ALREADY_LOGGED_IN) return;
    throw pkcs11Error(e, 'C_Login');
  }
}

/**
 * Finds the token and certificate, logs in once and lends `fn` a SigningKey for as many
 * signatures as it needs (batch signing = one PIN entry, one session). Logs out and closes after.
 */
export async function withTokenKey<T>(modulePaths: string[], sel: TokenKeySelector, fn: (key: SigningKey) => Promise<T>): Promise<T> {
  const certId = Buffer.from(sel.certId, 'hex');
  for (const modulePath of modulePaths) {
    const found = await withModule(modulePath, async (p) => {
      const candidates = presentTokens(p).filter(
        (t) => (!sel.tokenLabel || trimmed(t.info.label) === sel.tokenLabel) && (!sel.tokenSerial || trimmed(t.info.serialNumber) === sel.tokenSerial),
      );
      for (const t of candidates) {
        const r = await useToken(p, t.slot, t.info, certId, sel, fn);
        if (r.found) return r;
      }
      return { found: false as const };
    });
    if (found.found) return found.value;
  }
  if (modulePaths.length === 0) throw SigningErrors.raise('PKCS11_MODULE_MISSING', { modulePath: '' });
  throw SigningErrors.raise('TOKEN_NOT_FOUND', { tokenLabel: sel.tokenLabel, certId: sel.certId });
}

async function useToken<T>(
  p: Pkcs11,
  slot: Buffer,
  info: pkcs11js.TokenInfo,
  certId: Buffer,
  sel: TokenKeySelector,
  fn: (key: SigningKey) => Promise<T>,
): Promise<{ found: true; value: T } | { found: false }> {
  let session: Buffer;
  try {
    session = p.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
  } catch (e) {
    throw pkcs11Error(e, 'C_OpenSession');
  }
  try {
    const certs = findObjects(p, session, pkcs11js.CKO_CERTIFICATE, certId, true);
    const cert = certs.find((c) => c.value && c.value.length > 0);
    if (!cert) return { found: false };
    if (info.flags & FLAG_PIN_LOCKED) throw SigningErrors.raise('PIN_LOCKED', { ckr: 'CKF_USER_PIN_LOCKED' });
    login(p, session, sel.pin);
    const keys = findObjects(p, session, pkcs11js.CKO_PRIVATE_KEY, certId);
    const keyHandle = keys[0]?.handle;
    if (!keyHandle) throw SigningErrors.raise('KEY_NOT_FOUND', { certId: sel.certId });
    const certificate = new Uint8Array(cert.value!);
    const scheme = schemeFor(certificate, sel.rsaScheme);
    const available = new Set(p.C_GetMechanismList(slot));
    const chain = findObjects(p, session, pkcs11js.CKO_CERTIFICATE, undefined, true)
      .filter((c) => c.value && !c.id.equals(certId))
      .map((c) => new Uint8Array(c.value!));
    const key: SigningKey = {
      certificate,
      chain,
      scheme,
      async sign(data) {
        const { mech, input } = mechanismFor(scheme, available, data);
        try {
          p.C_SignInit(session, mech, keyHandle);
          const sig = p.C_Sign(session, input, Buffer.alloc(1024));
          return scheme === 'ecdsa' ? ecdsaRawToDer(sig) : new Uint8Array(sig);
        } catch (e) {
          throw pkcs11Error(e, 'C_Sign');
        }
      },
    };
    try {
      return { found: true, value: await fn(key) };
    } finally {
      try {
        p.C_Logout(session);
      } catch {
        // token pulled out: the session is gone with it
      }
    }
  } finally {
    try {
      p.C_CloseSession(session);
    } catch {
      // same
    }
  }
}
