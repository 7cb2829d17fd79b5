import { describe, expect, it } from 'vitest';
import { removeDotLeaders } from '../../../src-main/documents/dot-leaders.ts';

const W = 600;
const H = 120;
function page(): Uint8Array {
  return new Uint8Array(W * H).fill(255);
}
function square(g: Uint8Array, x: number, y: number, s: number, v = 40): void {
  for (let j = 0; j < s; j++) for (let i = 0; i < s; i++) g[(y + j) * W + x + i] = v;
}
const inkAt = (g: Uint8Array, x: number, y: number, s: number) => {
  let n = 0;
  for (let j = 0; j < s; j++) for (let i = 0; i < s; i++) if (g[(y + j) * W + x + i]! < 128) n++;
  return n;
};

describe('removeDotLeaders', () => {
  it('clears a dotted line at 300 dpi and keeps letters, lone diacritic dots and short runs', () => {
    const g = page();
    for (let x = 20; x < 400; x += 18) square(g, x, 80, 4); // the leader: 4 px dots every 18 px
    square(g, 30, 20, 30); // a letter body: far larger than a dot
    square(g, 100, 30, 4); // the dot under "ạ"
    for (const x of [300, 318, 336]) square(g, x, 20, 4); // three in a row: an ellipsis, not a leader
    const removed = removeDotLeaders(g, W, H, 300);
    expect(removed).toBe(22);
    for (let x = 20; x < 400; x += 18) expect(inkAt(g, x, 80, 4)).toBe(0);
    expect(inkAt(g, 30, 20, 30)).toBe(900);
    expect(inkAt(g, 100, 30, 4)).toBe(16);
    for (const x of [300, 318, 336]) expect(inkAt(g, x, 20, 4)).toBe(16);
  });

  it('follows a leader that climbs a pixel every few dots (a page a little skewed)', () => {
    const g = page();
    for (let k = 0; k < 12; k++) square(g, 20 + k * 18, 60 + Math.floor(k / 3), 4);
    expect(removeDotLeaders(g, W, H, 300)).toBe(12);
  });

  it('leaves a page without dots untouched', () => {
    const g = page();
    square(g, 50, 50, 40);
    const before = Buffer.from(g);
    expect(removeDotLeaders(g, W, H, 300)).toBe(0);
    expect(Buffer.from(g).equals(before)).toBe(true);
  });
});
