/**
 * Skew estimate by projection profiles: text lines give sharp row-sum peaks only when the page is
 * level, so the angle whose profile has the largest variance is the skew. Runs on a small
 * greyscale copy (about 800 px wide), coarse then fine, within ±8°.
 */
export function estimateSkew(grey: Uint8Array | Buffer, w: number, h: number, threshold: number, maxDeg = 8): number {
  const xs: number[] = [];
  const ys: number[] = [];
  // Every pixel: sampling every other row makes a comb that wins at 0° by itself.
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if ((grey[y * w + x] as number) < threshold) {
        xs.push(x - w / 2);
        ys.push(y - h / 2);
      }
    }
  }
  if (xs.length < 50) return 0;
  const score = (deg: number): number => {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const bins = new Float64Array(h * 2 + 1);
    for (let i = 0; i < xs.length; i++) {
      // Row of the point once the page is rotated back by `deg`.
      const r = Math.round(-(xs[i] as number) * sin + (ys[i] as number) * cos + h);
      if (r >= 0 && r < bins.length) bins[r]!++;
    }
    let s = 0;
    let s2 = 0;
    for (const b of bins) {
      s += b;
      s2 += b * b;
    }
    return s2 / bins.length - (s / bins.length) ** 2;
  };
  let best = 0;
  let bestScore = -1;
  for (let d = -maxDeg; d <= maxDeg; d += 0.5) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  const coarse = best;
  for (let d = coarse - 0.5; d <= coarse + 0.5; d += 0.1) {
    const sc = score(d);
    if (sc > bestScore) [best, bestScore] = [d, sc];
  }
  return Math.round(best * 10) / 10;
}
