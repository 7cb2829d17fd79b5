/** Character error rate: Levenshtein distance / truth length, after NFC and whitespace collapsing. */
export function normaliseForCer(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function cer(truth: string, hyp: string): number {
  const a = [...normaliseForCer(truth)];
  const b = [...normaliseForCer(hyp)];
  if (a.length === 0) return b.length ? 1 : 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]! / a.length;
}
