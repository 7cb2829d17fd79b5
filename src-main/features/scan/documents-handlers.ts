import type { HandlersOf } from '../../rpc/handlers.ts';
import type { OcrResult } from '../../contract/documents.ts';
import { importFile } from '../../devices/scanner/file-import.ts';
import type { OcrEngine, PageOcr } from '../../documents/ocr-engine.ts';
import { AutoOcrEngine } from '../../documents/ocr-select.ts';
import { extractPrefill } from '../../documents/prefill.ts';
import { analysePage } from '../../documents/imaging.ts';
import { OCR_INPUT_DEFAULTS, ocrInput, scaleWords } from '../../documents/ocr-prep.ts';
import type { ScanService } from './scan-service.ts';

export interface DocumentsDeps {
  dataDir: string;
  scan: ScanService;
  /** The shared pool for the default language (vie+eng). */
  ocr: () => OcrEngine;
}

async function ocrFile(path: string, pool: OcrEngine): Promise<OcrResult> {
  const pages = await importFile(path);
  const results: PageOcr[] = await Promise.all(
    pages.map(async (p) => {
      if (p.textLayer) return { text: p.textLayer.text, confidence: 100, words: p.textLayer.words };
      const input = await ocrInput(p.bytes, await analysePage(p.bytes), { dpi: p.dpi, ...OCR_INPUT_DEFAULTS });
      const r = await pool.recognize({ image: input.image, dpi: input.dpi });
      return { ...r, words: scaleWords(r.words, input.dpi / p.dpi) }; // boxes at the file's own resolution
    }),
  );
  const words = results.flatMap((r) => r.words);
  const confidence = results.length ? results.reduce((a, r) => a + r.confidence, 0) / results.length : 0;
  return { file: path, text: results.map((r) => r.text.trim()).join('\n\f\n'), confidence: Math.round(confidence * 10) / 10, words };
}

export function documentsHandlers(d: DocumentsDeps): HandlersOf<'documents.ocr' | 'documents.prefill'> {
  return {
    'documents.ocr': async (i) => {
      const own = i.lang === 'vie+eng' ? undefined : new AutoOcrEngine({ dataDir: d.dataDir, lang: i.lang });
      try {
        // Every file is queued at once (the pool runs one per core); answers keep the order given.
        return await Promise.all(i.paths.map((p) => ocrFile(p, own ?? d.ocr())));
      } finally {
        await own?.close();
      }
    },
    'documents.prefill': (i) => extractPrefill([i.text ?? '', i.sessionId ? d.scan.pageTexts(i.sessionId, i.pageIds) : ''].join('\n')),
  };
}
