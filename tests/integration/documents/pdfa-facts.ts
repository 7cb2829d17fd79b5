import { runSync } from '../../support/children.ts';

export interface PdfaFacts {
  /** From the XMP metadata as poppler reads it (pdfinfo -meta). */
  part?: string;
  conformance?: string;
  /** The catalog has an OutputIntent GTS_PDFA1 with an embedded 3-component ICC profile (qpdf --json). */
  outputIntent: boolean;
}

type QpdfObject = { value?: Record<string, unknown>; stream?: { dict?: Record<string, unknown> } };

/**
 * The PDF/A identification of a saved file, read back by two independent tools rather than taken from
 * what the code under test says it wrote.
 */
export function pdfaFacts(file: string): PdfaFacts {
  const xmp = runSync('pdfinfo', ['-meta', file], { timeout: 30_000 }).stdout;
  const json = JSON.parse(runSync('qpdf', ['--json=2', file], { timeout: 30_000 }).stdout) as { qpdf: [unknown, Record<string, QpdfObject>] };
  const objects = json.qpdf[1];
  const dictOf = (ref: unknown) => {
    const o = typeof ref === 'string' ? objects[`obj:${ref}`] : undefined;
    return o?.value ?? o?.stream?.dict;
  };
  const catalog = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')?.value;
  const intents = (catalog?.['/OutputIntents'] as unknown[] | undefined) ?? [];
  const outputIntent = intents.some((ref) => {
    const intent = dictOf(ref);
    return intent?.['/S'] === '/GTS_PDFA1' && dictOf(intent['/DestOutputProfile'])?.['/N'] === 3;
  });
  return {
    part: /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1],
    conformance: /<pdfaid:conformance>([A-Z])<\/pdfaid:conformance>/.exec(xmp)?.[1],
    outputIntent,
  };
}
