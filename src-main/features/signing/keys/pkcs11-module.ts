import * as pkcs11Types from 'pkcs11js';
import pkcs11Default from 'pkcs11js';

// A CommonJS addon: its constants live on module.exports, which only the default import sees under ESM.
const pkcs11js = pkcs11Default as unknown as typeof pkcs11Types;
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace pkcs11js {
  export type Template = pkcs11Types.Template;
  export type Mechanism = pkcs11Types.Mechanism;
  export type TokenInfo = pkcs11Types.TokenInfo;
  export type PKCS11 = pkcs11Types.PKCS11;
}
import { SigningErrors } from '../../../contract/signing.ts';
import { pkcs11Error } from './pkcs11-errors.ts';

export type Pkcs11 = pkcs11js.PKCS11;
export { pkcs11js };

/**
 * Loads a token library, initialises it and hands it to `fn`, finalising afterwards. The library
 * is loaded per operation on purpose: many vendor modules only notice a token plugged in (or a new
 * reader) on C_Initialize, and officers plug tokens in and out all day.
 */
export async function withModule<T>(modulePath: string, fn: (p: Pkcs11) => Promise<T> | T): Promise<T> {
  const p = new pkcs11js.PKCS11();
  try {
    p.load(modulePath);
  } catch (e) {
    throw SigningErrors.raise('PKCS11_MODULE_MISSING', { modulePath, reason: e instanceof Error ? e.message : String(e) });
  }
  try {
    try {
      p.C_Initialize();
    } catch (e) {
      throw pkcs11Error(e, 'C_Initialize');
    }
    try {
      return await fn(p);
    } finally {
      try {
        p.C_Finalize();
      } catch {
        // already finalised or token gone: nothing left to release
      }
    }
  } finally {
    p.close();
  }
}

export interface TokenSlot {
  slot: Buffer;
  slotId: string;
  info: pkcs11js.TokenInfo;
}

/** Slots with a token present, read fresh each time. */
export function presentTokens(p: Pkcs11): TokenSlot[] {
  let slots: Buffer[];
  try {
    slots = p.C_GetSlotList(true);
  } catch (e) {
    throw pkcs11Error(e, 'C_GetSlotList');
  }
  const out: TokenSlot[] = [];
  for (const slot of slots) {
    try {
      const info = p.C_GetTokenInfo(slot);
      // A blank token (CKF_TOKEN_INITIALIZED unset) holds no keys: SoftHSM always shows one.
      if (info.flags & CKF_TOKEN_INITIALIZED) out.push({ slot, slotId: slot.toString('hex'), info });
    } catch {
      // the token was pulled out between the two calls
    }
  }
  return out;
}

const CKF_TOKEN_INITIALIZED = 0x400;

export const trimmed = (s: string) => s.replace(/[\s\0]+$/, '');
