import { CardErrors } from '../../../contract/card.ts';
import { concat, tlvTotalLength } from '../../../domain/icao/der.ts';
import type { ApduTransport } from '../transport/apdu-transport.ts';
import { expectOk, sendPlain, statusError, type CommandApdu } from './apdu.ts';
import { unwrapResponse, wrapCommand, type SmSession } from './secure-messaging.ts';

export const EMRTD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);

export const FID = {
  CARD_ACCESS: 0x011c,
  COM: 0x011e,
  SOD: 0x011d,
  dg: (n: number) => 0x0100 + n,
} as const;

/** Sends commands in plain or under secure messaging, the same way for both. */
export class Channel {
  constructor(
    readonly transport: ApduTransport,
    public sm?: SmSession,
  ) {}

  /** Set once extended length failed on this reader/card pair: every READ BINARY stays short. */
  shortOnly = false;
  /** Whether the last command sent needed extended length, so a failure can be attributed to it. */
  lastCommandExtended = false;

  async send(c: CommandApdu, context: string): Promise<Uint8Array> {
    // The same rules as encodeCommand (plain) and wrapCommand (protected) use to go extended.
    this.lastCommandExtended = (c.le ?? 0) > 256 || (c.data?.length ?? 0) > (this.sm ? 200 : 255);
    if (!this.sm) return expectOk(await sendPlain(this.transport, c), context);
    const r = unwrapResponse(this.sm, await this.transport.transmit(wrapCommand(this.sm, c)));
    if (r.sw !== 0x9000) throw statusError(r.sw, context);
    return r.data;
  }

  /** Bytes of plain file data per READ BINARY: short APDUs leave room for the SM wrapping. */
  get chunk(): number {
    const max = this.shortOnly ? 256 : (this.transport.maxResponse ?? 256);
    return max > 256 ? Math.min(max - 64, 0x7f00) : 0xdf;
  }

  selectApplication(): Promise<Uint8Array> {
    return this.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID }, 'SELECT eMRTD').catch((err: unknown) => {
      if (CardErrors.is(err, 'FILE_NOT_FOUND')) throw CardErrors.raise('NOT_EMRTD');
      throw err;
    });
  }

  selectFile(fid: number): Promise<Uint8Array> {
    return this.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(fid >> 8, fid & 0xff) }, `SELECT ${fid.toString(16)}`);
  }

  readBinary(offset: number, length: number): Promise<Uint8Array> {
    if (offset > 0x7fff) throw CardErrors.raise('CARD_STATUS', { reason: 'offset beyond 32 KiB' });
    return this.send({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length }, 'READ BINARY');
  }

  /** Selects an EF and reads it whole: a short read for the TLV header, then chunks. */
  async readFile(fid: number): Promise<Uint8Array> {
    await this.selectFile(fid);
    const head = await this.readBinary(0, 8);
    const total = tlvTotalLength(head);
    if (total === undefined) throw CardErrors.raise('DG_MALFORMED', { fid: fid.toString(16), reason: 'header' });
    const parts = [head.subarray(0, Math.min(head.length, total))];
    let have = parts[0]!.length;
    while (have < total) {
      const part = await this.readBinary(have, Math.min(this.chunk, total - have));
      if (part.length === 0) throw CardErrors.raise('CARD_STATUS', { reason: 'empty READ BINARY' });
      parts.push(part);
      have += part.length;
    }
    return concat(...parts).subarray(0, total);
  }
}
