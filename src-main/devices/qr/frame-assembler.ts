import type { QrSuffix } from '../../contract/idread.ts';
import { trimControls } from '../../domain/identity/text.ts';

export type Frame = { ok: true; bytes: Uint8Array } | { ok: false; bytes: number; reason: 'timeout' | 'overflow' };

const SUFFIX_BYTES: Record<QrSuffix, number[]> = { CR: [13], LF: [10], CRLF: [13, 10], TAB: [9], none: [] };

/**
 * Cuts a serial byte stream into codes. With a suffix, a code ends at the suffix and a code whose
 * bytes stop before the suffix arrives is reported broken (the reader was unplugged mid-code, or
 * the suffix setting is wrong). Without one, a pause ends the code. Also tolerates CR/LF leftovers.
 */
export class FrameAssembler {
  private buf: number[] = [];
  private lastAt = 0;
  private readonly suffix: number[];

  constructor(
    suffix: QrSuffix,
    private readonly timeoutMs: number,
    private readonly maxBytes = 8192,
  ) {
    this.suffix = SUFFIX_BYTES[suffix];
  }

  push(chunk: Uint8Array, now: number): Frame[] {
    const out: Frame[] = [...this.expire(now)];
    this.lastAt = now;
    for (const b of chunk) {
      this.buf.push(b);
      if (this.suffix.length && this.endsWithSuffix()) {
        const body = this.buf.slice(0, this.buf.length - this.suffix.length);
        this.buf = [];
        // A lone CR/LF between codes (e.g. CRLF readers configured as CR) is not a code.
        const trimmed = trimLineEnds(body);
        if (trimmed.length) out.push({ ok: true, bytes: Uint8Array.from(trimmed) });
      } else if (this.buf.length > this.maxBytes) {
        out.push({ ok: false, bytes: this.buf.length, reason: 'overflow' });
        this.buf = [];
      }
    }
    return out;
  }

  /** Call when no byte has arrived for a while; returns what the pause completes or breaks. */
  expire(now: number): Frame[] {
    if (!this.buf.length || now - this.lastAt < this.timeoutMs) return [];
    const body = trimLineEnds(this.buf);
    this.buf = [];
    if (!body.length) return [];
    return this.suffix.length ? [{ ok: false, bytes: body.length, reason: 'timeout' }] : [{ ok: true, bytes: Uint8Array.from(body) }];
  }

  pending(): number {
    return this.buf.length;
  }

  private endsWithSuffix(): boolean {
    const n = this.suffix.length;
    if (this.buf.length < n) return false;
    for (let i = 0; i < n; i++) if (this.buf[this.buf.length - n + i] !== this.suffix[i]) return false;
    return true;
  }
}

function trimLineEnds(bytes: number[]): number[] {
  let s = 0;
  let e = bytes.length;
  while (s < e && (bytes[s] === 10 || bytes[s] === 13)) s++;
  while (e > s && (bytes[e - 1] === 10 || bytes[e - 1] === 13)) e--;
  return bytes.slice(s, e);
}

/**
 * UTF-8 without throwing: damage becomes U+FFFD, which the parsers then flag. Control bytes at the
 * ends (a trailing NUL, STX/ETX framing, CR/LF) are the reader's, not the code's, and are dropped here.
 */
export function decodeFrame(bytes: Uint8Array): string {
  return trimControls(new TextDecoder('utf-8').decode(bytes));
}
