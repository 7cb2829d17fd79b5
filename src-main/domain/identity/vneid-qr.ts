import type { Identity } from '../../contract/identity.ts';
import { CounterError } from '../../contract/errors.ts';
import { IdentityErrors } from './errors.ts';
import { parseCccdQr } from './cccd-qr.ts';
import { normaliseInput } from './text.ts';

/**
 * The VNeID app's "Mã QR định danh" has no public specification; the one known integration reads it
 * with the CCCD layout. Anything else is refused, keeping the raw text so nothing is lost.
 */
export function parseVneidQr(text: string): Identity {
  try {
    return parseCccdQr(text, 'vneid-qr');
  } catch (err) {
    if (err instanceof CounterError && err.code === 'ID_EMPTY') throw err;
    const reason = err instanceof CounterError ? err.code : 'UNKNOWN';
    throw IdentityErrors.raise('VNEID_NOT_RECOGNISED', { raw: normaliseInput(text), reason });
  }
}
