/** Vite's `?url` import: the bundled worker file's URL (same origin, so the CSP's worker-src 'self' allows it). */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
