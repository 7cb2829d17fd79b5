import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';

export interface FoundSignature {
  byteRange: [number, number, number, number];
  /** The DER CMS from /Contents, trailing zero padding removed by the DER parser later. */
  contents: Uint8Array;
  fieldName: string;
  subFilter: string;
  /** /M as written by the signer (a claim, not a proof). */
  claimedTime?: Date;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * Finds signatures from the raw bytes: each /ByteRange says where its /Contents hex string sits,
 * so a damaged or tampered file can still be judged. Field names and /M come from pdf-lib when
 * the file still parses.
 */
export async function findSignatures(pdf: Uint8Array): Promise<FoundSignature[]> {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const meta = await readMetadata(pdf);
  const found: FoundSignature[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(BYTE_RANGE)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const key = br.join(',');
    if (seen.has(key) || br[1] === 0) continue; // zero = an unfilled placeholder
    seen.add(key);
    const hexText = text.slice(br[1] + 1, br[2] - 1).replace(/\s+/g, '');
    const contents = /^[0-9a-fA-F]*$/.test(hexText) && text[br[1]] === '<' && text[br[2] - 1] === '>' ? Buffer.from(hexText, 'hex') : Buffer.alloc(0);
    const md = meta.get(key);
    found.push({
      byteRange: br,
      contents: new Uint8Array(contents),
      fieldName: md?.fieldName ?? `Signature${found.length + 1}`,
      subFilter: md?.subFilter ?? subFilterNear(text, m.index),
      claimedTime: md?.claimedTime,
    });
  }
  return found;
}

function subFilterNear(text: string, at: number): string {
  const window = text.slice(Math.max(0, at - 512), at + 512);
  return /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(window)?.[1] ?? '';
}

interface Meta {
  fieldName: string;
  subFilter: string;
  claimedTime?: Date;
}

async function readMetadata(pdf: Uint8Array): Promise<Map<string, Meta>> {
  const out = new Map<string, Meta>();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return out;
  }
  const ctx = doc.context;
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const v = obj.lookup(PDFName.of('V'));
    if (!(v instanceof PDFDict)) continue;
    const br = v.lookup(PDFName.of('ByteRange'));
    if (!(br instanceof PDFArray)) continue;
    const key = br.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)).join(',');
    const t = obj.lookup(PDFName.of('T'));
    const sf = v.lookup(PDFName.of('SubFilter'));
    const mStr = v.lookup(PDFName.of('M'));
    out.set(key, {
      fieldName: t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '',
      subFilter: sf instanceof PDFName ? sf.decodeText() : '',
      claimedTime: mStr instanceof PDFString || mStr instanceof PDFHexString ? parsePdfDate(mStr.decodeText()) : undefined,
    });
  }
  return out;
}

/** D:YYYYMMDDHHmmSS+HH'mm' → Date; undefined when malformed. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const t = utc - offset;
  return Number.isFinite(t) ? new Date(t) : undefined;
}
