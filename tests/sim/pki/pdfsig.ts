import { runSync } from '../../support/children.ts';

/**
 * pdfsig (poppler, NSS) as the independent verifier. Its report, whatever the verdict; but a run that
 * reports no signature at all (pdfsig missing, the file unreadable, a crash) throws, so that a test
 * expecting "not valid" cannot pass because nothing was checked.
 */
export function pdfsig(path: string): string {
  const r = runSync('pdfsig', [path], { timeout: 30_000, allowFailure: true });
  if (!/Signature #1:/.test(r.stdout)) throw new Error(`pdfsig ${path}: no signature reported (exit ${r.status})\n${r.stdout}${r.stderr}`);
  return r.stdout;
}
