/**
 * Tells a keyboard-wedge scanner from a person by timing. A scanner "types" a whole code with a
 * few milliseconds between most keys and ends with Enter (or Tab); even a fast typist leaves
 * 60–200 ms between most keys. The receiving side is not steady — a busy renderer thread delays
 * some key events by 50–100 ms (measured in the e2e test on a loaded machine) — so the decision
 * uses the median gap of the run, tolerating a few hiccups, not every single gap.
 * Pure: the renderer hook feeds it KeyboardEvent keys and timestamps.
 */
export interface BurstOptions {
  /** The median gap between keys of a scan is at most this (ms). */
  maxGapMs: number;
  /** A gap longer than this ends a run: what came before is not part of the scan (ms). */
  hiccupMs: number;
  /** Once a scan is being captured, only a pause this long ends it (a loaded PC can stall ~0.5 s). */
  holdMs: number;
  /** At most this share of a scan's gaps may exceed maxGapMs (event-loop hiccups). */
  maxSlowShare: number;
  /** Shortest text that counts as a scan (a person can roll 2–3 keys that fast). */
  minLength: number;
  /** Keys that end a scan. */
  terminators: string[];
  /** After this many consecutive fast keys the rest are swallowed so they do not land in a field. */
  captureAfter: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 35, hiccupMs: 150, holdMs: 1000, maxSlowShare: 0.25, minLength: 8, terminators: ['Enter', 'Tab'], captureAfter: 4 };

export interface FeedResult {
  /** The complete scanned text, when this key ended a scan. */
  scan?: string;
  /** True when the key belongs to a scan in progress and should not reach the focused field. */
  capture: boolean;
}

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified']);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export class BurstDetector {
  private chars: string[] = [];
  /** gaps[i] is the time between chars[i-1] and chars[i]; gaps[0] is unused. */
  private gaps: number[] = [];
  private lastAt = -Infinity;
  private capturing = false;

  constructor(private readonly opts: BurstOptions = DEFAULT_BURST) {}

  feed(key: string, at: number): FeedResult {
    if (IGNORED.has(key)) return { capture: this.capturing };
    const gap = at - this.lastAt;
    this.lastAt = at;
    const held = this.capturing && gap <= this.opts.holdMs;
    if (gap > this.opts.hiccupMs && !held) this.reset();
    if (this.opts.terminators.includes(key)) {
      const text = this.isScan(held ? 0 : gap) ? this.chars.join('') : undefined;
      this.reset();
      this.lastAt = -Infinity;
      return text !== undefined ? { scan: text, capture: true } : { capture: false };
    }
    if ([...key].length !== 1) {
      // A named key (Backspace, ArrowLeft…) means a person is editing.
      this.reset();
      return { capture: false };
    }
    this.chars.push(key);
    this.gaps.push(this.chars.length === 1 ? 0 : gap);
    if (!this.capturing && this.chars.length >= this.opts.captureAfter) {
      const recent = this.gaps.slice(-(this.opts.captureAfter - 1));
      this.capturing = recent.every((g) => g <= this.opts.maxGapMs);
    }
    return { capture: this.capturing };
  }

  /** Ends a scan that came without a terminator once the keys stop (call on a timer). */
  idle(now: number, endAfterMs: number): string | undefined {
    if (now - this.lastAt < endAfterMs || !this.isScan(0)) return undefined;
    const text = this.chars.join('');
    this.reset();
    return text;
  }

  private isScan(lastGap: number): boolean {
    if (this.chars.length < this.opts.minLength || lastGap > this.opts.hiccupMs) return false;
    const gaps = [...this.gaps.slice(1), lastGap];
    const slow = gaps.filter((g) => g > this.opts.maxGapMs).length;
    return median(gaps) <= this.opts.maxGapMs && slow <= gaps.length * this.opts.maxSlowShare;
  }

  private reset(): void {
    this.chars = [];
    this.gaps = [];
    this.capturing = false;
  }
}

/** Whole-sequence form, for tests and for classifying a text field's input after the fact. */
export function classifyKeystrokes(keys: Array<{ key: string; at: number }>, opts: BurstOptions = DEFAULT_BURST): 'scanner' | 'person' {
  const d = new BurstDetector(opts);
  let scanned = false;
  for (const k of keys) if (d.feed(k.key, k.at).scan !== undefined) scanned = true;
  return scanned ? 'scanner' : 'person';
}
