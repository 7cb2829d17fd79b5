/**
 * Tells a keyboard-wedge scanner from a person by timing. A scanner "types" a whole code with a
 * few milliseconds between keys and ends with Enter (or Tab); even a fast typist leaves 60–200 ms
 * between most keys. Pure: the renderer hook feeds it KeyboardEvent keys and timestamps.
 */
export interface BurstOptions {
  /** Longest gap between two keys of one scan (ms). */
  maxGapMs: number;
  /** Shortest text that counts as a scan (a person can roll 2–3 keys that fast). */
  minLength: number;
  /** Keys that end a scan. */
  terminators: string[];
  /** After this many fast keys the rest are swallowed so they do not land in a text field. */
  captureAfter: number;
}

export const DEFAULT_BURST: BurstOptions = { maxGapMs: 35, minLength: 8, terminators: ['Enter', 'Tab'], captureAfter: 4 };

export interface FeedResult {
  /** The complete scanned text, when this key ended a scan. */
  scan?: string;
  /** True when the key belongs to a scan in progress and should not reach the focused field. */
  capture: boolean;
}

const IGNORED = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Dead', 'Unidentified']);

export class BurstDetector {
  private buffer = '';
  private lastAt = -Infinity;

  constructor(private readonly opts: BurstOptions = DEFAULT_BURST) {}

  feed(key: string, at: number): FeedResult {
    if (IGNORED.has(key)) return { capture: this.capturing() };
    const gap = at - this.lastAt;
    this.lastAt = at;
    if (gap > this.opts.maxGapMs) this.buffer = '';
    if (this.opts.terminators.includes(key)) {
      const text = this.buffer;
      this.buffer = '';
      this.lastAt = -Infinity;
      return text.length >= this.opts.minLength && gap <= this.opts.maxGapMs ? { scan: text, capture: true } : { capture: false };
    }
    if ([...key].length !== 1) {
      // A named key (Backspace, ArrowLeft…) means a person is editing.
      this.buffer = '';
      return { capture: false };
    }
    this.buffer += key;
    return { capture: this.capturing() };
  }

  /** Ends a scan that came without a terminator once the keys stop (call on a timer). */
  idle(now: number, endAfterMs: number): string | undefined {
    if (this.buffer.length >= this.opts.minLength && now - this.lastAt >= endAfterMs) {
      const text = this.buffer;
      this.buffer = '';
      return text;
    }
    return undefined;
  }

  private capturing(): boolean {
    return this.buffer.length >= this.opts.captureAfter;
  }
}

/** Whole-sequence form, for tests and for classifying a text field's input after the fact. */
export function classifyKeystrokes(keys: Array<{ key: string; at: number }>, opts: BurstOptions = DEFAULT_BURST): 'scanner' | 'person' {
  const d = new BurstDetector(opts);
  let scanned = false;
  for (const k of keys) if (d.feed(k.key, k.at).scan !== undefined) scanned = true;
  return scanned ? 'scanner' : 'person';
}
