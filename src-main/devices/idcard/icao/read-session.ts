import type { ApduTransport } from '../transport/apdu-transport.ts';
import type { BacRandom } from './bac.ts';
import { openChip, reopenChip, type AccessKeys, type OpenedChip } from './chip-session.ts';
import { isExtendedLengthRefusal } from './extended-length.ts';
import type { PaceRandom } from './pace.ts';

export type ApduLength = 'extended' | 'short';

/**
 * An opened chip that reads files with extended-length READ BINARY when the transport offers it,
 * and falls back to short APDUs for good when the reader or card refuses them: it re-opens the
 * chip (fresh PACE/BAC, so both send sequence counters agree again) and re-reads the file.
 */
export class ReadSession {
  private constructor(
    private readonly t: ApduTransport,
    private readonly keys: AccessKeys,
    private readonly random: { pace?: PaceRandom; bac?: BacRandom } | undefined,
    private opened: OpenedChip,
  ) {}

  /** `short` starts with short APDUs, e.g. when the caller already knows this reader needs them. */
  static async open(t: ApduTransport, keys: AccessKeys, random?: { pace?: PaceRandom; bac?: BacRandom }, start: ApduLength = 'extended'): Promise<ReadSession> {
    const opened = await openChip(t, keys, random);
    opened.channel.shortOnly = start === 'short';
    return new ReadSession(t, keys, random, opened);
  }

  get access(): OpenedChip['access'] {
    return this.opened.access;
  }

  /** What this session ended up using; `short` once a fallback happened. */
  get apduLength(): ApduLength {
    return this.opened.channel.shortOnly || (this.t.maxResponse ?? 256) <= 256 ? 'short' : 'extended';
  }

  /** How many times extended length was refused and access re-established (0 or 1). */
  fallbacks = 0;

  async readFile(fid: number): Promise<Uint8Array> {
    const channel = this.opened.channel;
    try {
      return await channel.readFile(fid);
    } catch (err) {
      if (channel.shortOnly || !channel.lastCommandExtended || !isExtendedLengthRefusal(err)) throw err;
      this.opened = await reopenChip(this.t, this.keys, this.opened, this.random);
      this.opened.channel.shortOnly = true;
      this.fallbacks++;
      return this.opened.channel.readFile(fid);
    }
  }
}
