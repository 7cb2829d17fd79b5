import { CardErrors } from '../../../contract/card.ts';
import { concat, hex } from '../../../domain/icao/der.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  data?: Uint8Array;
  /** Expected response length; 0 means "as much as there is" (256, or 65536 extended). */
  le?: number;
}

export interface ResponseApdu {
  data: Uint8Array;
  sw: number;
}

/** Encodes a command, using extended length only when the data or Le needs it. */
export function encodeCommand(c: CommandApdu, forceExtended = false): Uint8Array {
  const header = Uint8Array.of(c.cla, c.ins, c.p1, c.p2);
  const data = c.data ?? new Uint8Array(0);
  const hasLe = c.le !== undefined;
  const extended = forceExtended || data.length > 255 || (hasLe && (c.le as number) > 256);
  if (!extended) {
    const lc = data.length ? Uint8Array.of(data.length) : new Uint8Array(0);
    const le = hasLe ? Uint8Array.of((c.le as number) & 0xff) : new Uint8Array(0);
    return concat(header, lc, data, le);
  }
  const lc = data.length ? Uint8Array.of(0, data.length >> 8, data.length & 0xff) : new Uint8Array(0);
  const leValue = (c.le as number) & 0xffff;
  const le = hasLe ? (data.length ? Uint8Array.of(leValue >> 8, leValue & 0xff) : Uint8Array.of(0, leValue >> 8, leValue & 0xff)) : new Uint8Array(0);
  return concat(header, lc, data, le);
}

export function decodeResponse(raw: Uint8Array): ResponseApdu {
  if (raw.length < 2) throw CardErrors.raise('READER_ERROR', { reason: 'short response' });
  return { data: raw.subarray(0, raw.length - 2), sw: ((raw[raw.length - 2] as number) << 8) | (raw[raw.length - 1] as number) };
}

/** Maps a status word that is not 9000 to a coded error the counter can explain. */
export function statusError(sw: number, context: string): Error {
  const details = { sw: sw.toString(16).toUpperCase().padStart(4, '0'), context };
  if (sw === 0x6a82) return CardErrors.raise('FILE_NOT_FOUND', details);
  if (sw === 0x6982 || sw === 0x6300 || (sw & 0xfff0) === 0x63c0) return CardErrors.raise('ACCESS_DENIED', details);
  if (sw === 0x6987 || sw === 0x6988) return CardErrors.raise('SM_MAC_INVALID', details);
  return CardErrors.raise('CARD_STATUS', details);
}

/** Sends a plain (unprotected) command. */
export async function sendPlain(t: ApduTransport, c: CommandApdu): Promise<ResponseApdu> {
  return decodeResponse(await t.transmit(encodeCommand(c)));
}

export function expectOk(r: ResponseApdu, context: string): Uint8Array {
  if (r.sw !== 0x9000) throw statusError(r.sw, context);
  return r.data;
}

export const describeCommand = (c: CommandApdu) => `${hex(Uint8Array.of(c.cla, c.ins, c.p1, c.p2))}`;
