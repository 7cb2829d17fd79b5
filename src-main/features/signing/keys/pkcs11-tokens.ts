import type { TokenCertificate, TokenInfo } from '../../../contract/signing.ts';
import { parseCertificate, rdnCommonName, rdnText } from '../cms/der.ts';
import { type Pkcs11, pkcs11js, presentTokens, trimmed, withModule } from './pkcs11-module.ts';
import { pkcs11Error } from './pkcs11-errors.ts';

export interface FoundObject {
  handle: Buffer;
  id: Buffer;
  label: string;
  value?: Buffer;
}

export function findObjects(p: Pkcs11, session: Buffer, cls: number, id?: Buffer, withValue = false): FoundObject[] {
  const template: pkcs11js.Template = [{ type: pkcs11js.CKA_CLASS, value: cls }];
  if (id) template.push({ type: pkcs11js.CKA_ID, value: id });
  p.C_FindObjectsInit(session, template);
  const handles: Buffer[] = [];
  try {
    for (;;) {
      const batch = p.C_FindObjects(session, 32);
      if (batch.length === 0) break;
      handles.push(...batch);
    }
  } finally {
    p.C_FindObjectsFinal(session);
  }
  return handles.map((handle) => {
    const wanted: pkcs11js.Template = [{ type: pkcs11js.CKA_ID }, { type: pkcs11js.CKA_LABEL }];
    if (withValue) wanted.push({ type: pkcs11js.CKA_VALUE });
    const attrs = p.C_GetAttributeValue(session, handle, wanted);
    const id = (attrs[0]?.value as Buffer | undefined) ?? Buffer.alloc(0);
    const label = ((attrs[1]?.value as Buffer | undefined) ?? Buffer.alloc(0)).toString('utf8');
    return { handle, id, label, value: withValue ? (attrs[2]?.value as Buffer | undefined) : undefined };
  });
}

export function describeCertificate(der: Uint8Array, id: Buffer, label: string, hasPrivateKey: boolean): TokenCertificate {
  const c = parseCertificate(der);
  return {
    id: id.toString('hex'),
    label,
    subject: rdnText(c.subject),
    commonName: rdnCommonName(c.subject),
    issuer: rdnText(c.issuer),
    serialNumber: Buffer.from(c.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: c.notBefore.value.toISOString(),
    notAfter: c.notAfter.value.toISOString(),
    hasPrivateKey,
  };
}

const FLAG_PIN_COUNT_LOW = 0x00010000;
const FLAG_PIN_FINAL_TRY = 0x00020000;
const FLAG_PIN_LOCKED = 0x00040000;

/** Every token present in every configured module, with the certificates readable without a PIN. */
export async function listTokens(modulePaths: string[]): Promise<TokenInfo[]> {
  const out: TokenInfo[] = [];
  for (const modulePath of modulePaths) {
    await withModule(modulePath, (p) => {
      for (const t of presentTokens(p)) {
        let session: Buffer;
        try {
          session = p.C_OpenSession(t.slot, pkcs11js.CKF_SERIAL_SESSION);
        } catch (e) {
          throw pkcs11Error(e, 'C_OpenSession');
        }
        try {
          // Private keys are usually private objects: a public key or a visible private key with the same ID counts.
          const keyIds = new Set(
            [...findObjects(p, session, pkcs11js.CKO_PRIVATE_KEY), ...findObjects(p, session, pkcs11js.CKO_PUBLIC_KEY)].map((k) => k.id.toString('hex')),
          );
          const certificates = findObjects(p, session, pkcs11js.CKO_CERTIFICATE, undefined, true)
            .filter((c) => c.value && c.value.length > 0)
            .flatMap((c) => {
              try {
                return [describeCertificate(c.value!, c.id, c.label, keyIds.has(c.id.toString('hex')))];
              } catch {
                return []; // not an X.509 certificate we can read
              }
            });
          out.push({
            modulePath,
            slotId: t.slotId,
            label: trimmed(t.info.label),
            serialNumber: trimmed(t.info.serialNumber),
            manufacturer: trimmed(t.info.manufacturerID),
            model: trimmed(t.info.model),
            pinLocked: (t.info.flags & FLAG_PIN_LOCKED) !== 0,
            pinCountLow: (t.info.flags & FLAG_PIN_COUNT_LOW) !== 0,
            pinFinalTry: (t.info.flags & FLAG_PIN_FINAL_TRY) !== 0,
            certificates,
          });
        } finally {
          try {
            p.C_CloseSession(session);
          } catch {
            // token removed meanwhile
          }
        }
      }
    });
  }
  return out;
}

export { FLAG_PIN_LOCKED };
