import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BurstDetector, classifyKeystrokes } from '../../../src-main/domain/identity/burst-detector.ts';

/** Keystrokes of `text` then Enter, with the gaps a generator chooses. */
function typed(text: string, gaps: number[], start = 1000): Array<{ key: string; at: number }> {
  let t = start;
  const keys = [...text, 'Enter'];
  return keys.map((key, i) => ({ key, at: (t += gaps[i % gaps.length] as number) }));
}

const code = fc.stringMatching(/^[0-9A-Za-z|<$]{8,60}$/);

describe('keyboard-wedge burst detector', () => {
  it('recognises a scanner: every gap a few milliseconds, ending with Enter', () => {
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 50 }), (text, gaps) => {
        const d = new BurstDetector();
        const out = typed(text, gaps).map((k) => d.feed(k.key, k.at));
        expect(out.at(-1)?.scan).toBe(text);
      }),
    );
  });

  it('tolerates a few event-loop hiccups (up to 140 ms) inside a scan', () => {
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 10, maxLength: 50 }), fc.integer({ min: 40, max: 140 }), fc.nat(), (text, gaps, hiccup, where) => {
        const g = [...gaps];
        g[where % g.length] = hiccup;
        const d = new BurstDetector();
        const out = typed(text, g).map((k) => d.feed(k.key, k.at));
        expect(out.at(-1)?.scan).toBe(text);
      }),
    );
  });

  it('keeps a scan being captured through a long stall of the page (up to holdMs)', () => {
    const d = new BurstDetector();
    const keys = [...'DN4790123456789|4e67'];
    const out = keys.map((k, i) => d.feed(k, i * 3 + (i >= 10 ? 600 : 0)));
    expect(out.at(-1)?.capture).toBe(true);
    expect(d.feed('Enter', 700).scan).toBe('DN4790123456789|4e67');
  });

  it('never takes a person for a scanner, even a fast typist (gaps 60–250 ms)', () => {
    fc.assert(
      fc.property(code, fc.array(fc.integer({ min: 60, max: 250 }), { minLength: 1, maxLength: 50 }), (text, gaps) => {
        expect(classifyKeystrokes(typed(text, gaps))).toBe('person');
      }),
    );
  });

  it('ignores short fast rolls (a person hitting 3 keys at once) and modifier keys', () => {
    expect(classifyKeystrokes(typed('abc', [5]))).toBe('person');
    const d = new BurstDetector();
    const keys = ['Shift', '0', 'Shift', '0', '1', '0', '9', '0', '0', '1', '2', 'Enter'];
    const out = keys.map((k, i) => d.feed(k, 100 + i * 4));
    expect(out.at(-1)?.scan).toBe('001090012');
  });

  it('starts over after a pause: typed prefix + scan yields only the scan', () => {
    const d = new BurstDetector();
    d.feed('x', 0);
    d.feed('y', 200);
    const scan = typed('001090012345|', [3], 400).map((k) => d.feed(k.key, k.at));
    expect(scan.at(-1)?.scan).toBe('001090012345|');
  });

  it('captures the keys of a scan in progress once it is clearly a burst', () => {
    const d = new BurstDetector();
    const out = [...'0010900'].map((k, i) => d.feed(k, i * 3));
    expect(out.map((o) => o.capture)).toEqual([false, false, false, true, true, true, true]);
  });

  it('ends a scan without a terminator after the keys stop', () => {
    const d = new BurstDetector();
    [...'001090012345'].forEach((k, i) => d.feed(k, i * 2));
    expect(d.idle(30, 50)).toBeUndefined();
    expect(d.idle(100, 50)).toBe('001090012345');
  });

  it('a named key (Backspace) means editing, not scanning', () => {
    const d = new BurstDetector();
    [...'0010'].forEach((k, i) => d.feed(k, i * 2));
    d.feed('Backspace', 10);
    const out = [...'9001', 'Enter'].map((k, i) => d.feed(k, 12 + i * 2));
    expect(out.at(-1)?.scan).toBeUndefined();
  });
});
