import { fileStamp as vnFileStamp } from '../../../src-main/domain/vn-date.ts';

/** Offers text as a file download through a Blob URL and an `a[download]` click (works in Electron and browsers). */
export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some engines read the URL after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** yyyyMMdd-HHmm in Vietnam time, for file names that sort. */
export const fileStamp = (d = new Date()): string => vnFileStamp(d);
