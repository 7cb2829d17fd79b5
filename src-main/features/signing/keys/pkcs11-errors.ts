import type { CounterError } from '../../../contract/errors.ts';
import { SigningErrors } from '../../../contract/signing.ts';

/** CK_RV values (PKCS#11 v2.40 §3.6) the counter tells apart for the officer. */
export const CKR = {
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  DEVICE_ERROR: 0x30,
  DEVICE_REMOVED: 0x32,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  SLOT_ID_INVALID: 0x03,
} as const;

export function ckrOf(e: unknown): number | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Maps a pkcs11js error to a coded, Vietnamese-first error; the PIN is never part of details. */
export function pkcs11Error(e: unknown, operation: string): CounterError {
  const rv = ckrOf(e);
  const ckr = rv === undefined ? undefined : `0x${rv.toString(16).padStart(8, '0')}`;
  const details = { operation, ckr, raw: String(e) };
  switch (rv) {
    case CKR.PIN_INCORRECT:
      return SigningErrors.raise('PIN_INCORRECT', details);
    case CKR.PIN_LOCKED:
      return SigningErrors.raise('PIN_LOCKED', details);
    case CKR.PIN_INVALID:
    case CKR.PIN_LEN_RANGE:
    case CKR.PIN_EXPIRED:
      return SigningErrors.raise('PIN_INVALID_FORMAT', details);
    case CKR.DEVICE_REMOVED:
    case CKR.TOKEN_NOT_PRESENT:
    case CKR.TOKEN_NOT_RECOGNIZED:
    case CKR.SESSION_CLOSED:
    case CKR.SESSION_HANDLE_INVALID:
    case CKR.SLOT_ID_INVALID:
      return SigningErrors.raise('TOKEN_REMOVED', details);
    default:
      return SigningErrors.raise('PKCS11_FAILED', details);
  }
}
