import { CounterError } from '../../../contract/errors.ts';

/**
 * PC/SC codes a reader (or its driver) reports when it cannot pass a long frame: pcsc-lite's CCID
 * driver turns "command too long" into NotTransacted/CommError, Windows drivers into
 * InvalidParameter/InsufficientBuffer.
 */
const LONG_FRAME_PCSC = new Set(['NotTransacted', 'CommError', 'CommDataLost', 'InsufficientBuffer', 'InvalidParameter', 'InvalidValue']);

/**
 * Does this failure of an extended-length command mean "this reader/card pair cannot do extended
 * length"? Status 6700 (wrong length) or 6Cxx (wrong Le) from the chip or the reader, or a
 * transmit failure typical of short-frame readers. Only meaningful for a command that was extended.
 */
export function isExtendedLengthRefusal(err: unknown): boolean {
  if (!(err instanceof CounterError)) return false;
  const details = (err.details ?? {}) as { sw?: unknown; pcsc?: unknown };
  if (err.code === 'CARD_STATUS' && typeof details.sw === 'string') {
    const sw = details.sw.toUpperCase();
    return sw === '6700' || sw.startsWith('6C');
  }
  if (err.code === 'READER_ERROR') return typeof details.pcsc === 'string' && LONG_FRAME_PCSC.has(details.pcsc);
  return false;
}
