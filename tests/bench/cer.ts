/** Character error rate: Levenshtein distance / truth length, after NFC and whitespace collapsing. */
export function normaliseForCer(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function cer(truth: string, hyp: string): number {
  const { edits, chars } = cerCounts(truth, hyp);
  if (chars === 0) return edits ? 1 : 0;
  return edits / chars;
}

/** Edits and truth length, to add up over a slice of pages (CER of a slice = Σ edits / Σ chars). */
export function cerCounts(truth: string, hyp: string): { edits: number; chars: number } {
  const a = [...normaliseForCer(truth)];
  const b = [...normaliseForCer(hyp)];
  if (a.length === 0) return { edits: b.length, chars: 0 };
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return { edits: prev[b.length]!, chars: a.length };
}
