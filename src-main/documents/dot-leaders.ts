/**
 * Removes the dotted lines of printed forms ("Họ, chữ đệm, tên: ……………"), on which typed values sit.
 * Tesseract takes a page full of them for a picture and drops the whole form body (measured on the
 * bench: 74 % CER on forms, 0.1 % on letters). A dot is a small ink blob; a leader is a run of at
 * least `minRun` such blobs on one row at a regular small pitch. Diacritics (the dot of "ạ", "ị")
 * are the same size but never come four in a row at that pitch, so they stay.
 *
 * Blobs are found on a 3×3-smoothed copy thresholded at `ink`: smoothing erases scanner noise
 * specks (which would otherwise be thousands of "dots") and keeps the faint grey dots of 200-dpi
 * scans. Works in place on an 8-bit grey image; returns how many dots were removed.
 */
export function removeDotLeaders(grey: Uint8Array, w: number, h: number, dpi: number, minRun = 4, ink = 195): number {
  const smooth = box3(grey, w, h);
  const maxDot = Math.max(3, Math.round(dpi * 0.022)); // ~6.6 px at 300 dpi: smaller than any letter body
  const maxGap = Math.round(dpi * 0.1); // centre to centre, ~30 px at 300 dpi
  const rowTol = Math.max(2, Math.round(dpi * 0.008));
  const minArea = Math.max(3, Math.round((dpi * 0.008) ** 2)); // scanner noise specks are smaller
  const label = new Int32Array(w * h);
  const stack: number[] = []; // grows to the largest blob only: a w×h array would cost 35 MB a page
  const dots: Array<{ id: number; cx: number; cy: number; x0: number; x1: number; y0: number; y1: number }> = [];
  let next = 0;
  for (let start = 0; start < grey.length; start++) {
    if (smooth[start]! >= ink || label[start] !== 0) continue;
    const id = ++next;
    stack.length = 0;
    stack.push(start);
    label[start] = id;
    let x0 = w;
    let x1 = -1;
    let y0 = h;
    let y1 = -1;
    let big = false;
    let area = 0;
    while (stack.length > 0) {
      const p = stack.pop()!;
      area++;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x1 - x0 >= maxDot || y1 - y0 >= maxDot) big = true;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const q = yy * w + xx;
          if (label[q] === 0 && smooth[q]! < ink) {
            label[q] = id;
            stack.push(q);
          }
        }
      }
    }
    if (!big && area >= minArea) dots.push({ id, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, x0, x1, y0, y1 });
  }
  // Chains along rows: sort by row band then x, link neighbours within the pitch.
  dots.sort((a, b) => a.cy - b.cy || a.cx - b.cx);
  let removed = 0;
  const used = new Uint8Array(dots.length);
  for (let i = 0; i < dots.length; i++) {
    if (used[i]) continue;
    const chain = [i];
    used[i] = 1;
    let last = dots[i]!;
    for (;;) {
      // The nearest unused dot to the right of `last`, on its row, within the pitch.
      let best = -1;
      for (let j = i + 1; j < dots.length && dots[j]!.cy <= last.cy + rowTol; j++) {
        const d = dots[j]!;
        if (used[j] || Math.abs(d.cy - last.cy) > rowTol || d.cx <= last.cx || d.cx - last.cx > maxGap) continue;
        if (best < 0 || d.cx < dots[best]!.cx) best = j;
      }
      // Dots a little above `last` sort before it: look back too.
      for (let j = i - 1; j >= 0 && dots[j]!.cy >= last.cy - rowTol; j--) {
        const d = dots[j]!;
        if (used[j] || d.cx <= last.cx || d.cx - last.cx > maxGap) continue;
        if (best < 0 || d.cx < dots[best]!.cx) best = j;
      }
      if (best < 0) break;
      used[best] = 1;
      chain.push(best);
      last = dots[best]!;
    }
    if (chain.length < minRun) continue;
    // Paper over each dot's box and a pixel around it (its blurred halo).
    for (const k of chain) {
      const d = dots[k]!;
      for (let y = Math.max(0, d.y0 - 1); y <= Math.min(h - 1, d.y1 + 1); y++) grey.fill(255, y * w + Math.max(0, d.x0 - 1), y * w + Math.min(w - 1, d.x1 + 1) + 1);
      removed++;
    }
  }
  return removed;
}

/** 3×3 mean, edges clamped. */
function box3(src: Uint8Array, w: number, h: number): Uint8Array {
  const tmp = new Uint16Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) tmp[r + x] = src[r + Math.max(0, x - 1)]! + src[r + x]! + src[r + Math.min(w - 1, x + 1)]!;
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const up = Math.max(0, y - 1) * w;
    const dn = Math.min(h - 1, y + 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) out[r + x] = (tmp[up + x]! + tmp[r + x]! + tmp[dn + x]!) / 9;
  }
  return out;
}
