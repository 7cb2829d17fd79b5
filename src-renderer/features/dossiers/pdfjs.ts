import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file Vite bundles next to the app, so `worker-src 'self'` in the CSP allows it and
// nothing is fetched from elsewhere. Page drawing stays on this thread (no renderer worker is configured).
GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF given as base64 (the bytes never leave the app: no URL, no cache). */
export function openPdf(base64: string): { promise: Promise<PDFDocumentProxy>; destroy: () => Promise<void> } {
  const bin = atob(base64);
  const data = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
  const task = getDocument({ data });
  return { promise: task.promise, destroy: () => task.destroy() };
}
