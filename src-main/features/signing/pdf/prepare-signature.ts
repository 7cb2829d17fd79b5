import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { SigningErrors } from '../../../contract/signing.ts';
import { appendIncrementalUpdate, readOriginalXref, type UpdateObject } from './incremental-update.ts';
import { pdfDate, pdfTextHex } from './pdf-strings.ts';
import { buildStampAppearance, emptyAppearance } from './stamp-appearance.ts';

export interface PrepareOptions {
  /** Bytes reserved for the DER CMS; Contents holds twice as many hex digits. */
  reservedBytes: number;
  signingTime: Date;
  signerName: string;
  reason?: string;
  location?: string;
  stamp?: { page?: number; rect?: [number, number, number, number]; unit?: string; signerName?: string };
  fontPath?: string;
}

export interface PreparedPdf {
  /** The whole file with a zero-filled /Contents and the final /ByteRange written in. */
  bytes: Uint8Array;
  byteRange: [number, number, number, number];
  /** Offset of the first hex digit inside /Contents < >. */
  contentsHexStart: number;
  contentsHexLength: number;
}

const BYTE_RANGE_MARK = '/ByteRange [0 ********** ********** **********]';
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

async function load(pdf: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch (e) {
    throw SigningErrors.raise('PDF_INVALID', { reason: e instanceof Error ? e.message.slice(0, 200) : String(e) });
  }
  if (doc.isEncrypted) throw SigningErrors.raise('PDF_ENCRYPTED');
  return doc;
}

function existingFieldNames(doc: PDFDocument, fields: PDFArray): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const f = doc.context.lookup(fields.get(i));
    const t = f instanceof PDFDict ? f.get(PDFName.of('T')) : undefined;
    if (t instanceof PDFString || t instanceof PDFHexString) names.add(t.decodeText());
  }
  return names;
}

/**
 * Adds a signature field, its widget and a /Sig dictionary with a zero-filled placeholder as an
 * incremental update, then fills in the /ByteRange that excludes exactly the /Contents hex string.
 */
export async function prepareSignature(pdf: Uint8Array, o: PrepareOptions): Promise<PreparedPdf> {
  const xref = readOriginalXref(pdf);
  if (!xref) throw SigningErrors.raise('PDF_INVALID', { reason: 'no startxref/trailer' });
  const doc = await load(pdf);
  const ctx = doc.context;
  ctx.largestObjectNumber = Math.max(ctx.largestObjectNumber, xref.size - 1);
  const changed = new Map<number, UpdateObject>();
  const markChanged = (ref: PDFRef) => changed.set(ref.objectNumber, { ref, body: ctx.lookup(ref)! });

  const pages = doc.getPages();
  const pageNo = o.stamp?.page ?? (o.stamp ? pages.length : 1);
  const page = pages[pageNo - 1];
  if (!page) throw SigningErrors.raise('PAGE_OUT_OF_RANGE', { page: pageNo, pages: pages.length });

  // AcroForm and its Fields array, wherever they live (inline or indirect).
  const rootRef = ctx.trailerInfo.Root as PDFRef;
  let acroRaw = doc.catalog.get(PDFName.of('AcroForm'));
  let acroForm: PDFDict;
  if (acroRaw instanceof PDFRef) {
    acroForm = ctx.lookup(acroRaw, PDFDict);
    markChanged(acroRaw);
  } else if (acroRaw instanceof PDFDict) {
    acroForm = acroRaw;
    markChanged(rootRef);
  } else {
    acroForm = ctx.obj({ Fields: [] });
    acroRaw = ctx.register(acroForm);
    doc.catalog.set(PDFName.of('AcroForm'), acroRaw);
    markChanged(rootRef);
  }
  let fieldsRaw = acroForm.get(PDFName.of('Fields'));
  let fields: PDFArray;
  if (fieldsRaw instanceof PDFRef) {
    fields = ctx.lookup(fieldsRaw, PDFArray);
    markChanged(fieldsRaw);
  } else if (fieldsRaw instanceof PDFArray) {
    fields = fieldsRaw;
  } else {
    fieldsRaw = fields = ctx.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const taken = existingFieldNames(doc, fields);
  let n = taken.size + 1;
  while (taken.has(`Signature${n}`)) n++;
  const fieldName = `Signature${n}`;

  // The /Sig dictionary is laid out by hand so the placeholder offsets are exact.
  const sigRef = ctx.nextRef();
  const name = o.stamp?.signerName ?? o.signerName;
  const appearance = o.stamp
    ? await buildStampAppearance(doc, rectWidth(o.stamp.rect), rectHeight(o.stamp.rect), { signerName: name, unit: o.stamp.unit, time: o.signingTime }, o.fontPath)
    : emptyAppearance(doc);
  const rect = o.stamp ? (o.stamp.rect ?? defaultRect(page.getWidth())) : [0, 0, 0, 0];
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName),
    V: sigRef,
    F: 132, // Print | Locked
    P: page.ref,
    Rect: rect,
    AP: { N: appearance },
  });
  const widgetRef = ctx.register(widget);
  fields.push(widgetRef);

  const annots = page.node.get(PDFName.of('Annots'));
  if (annots instanceof PDFRef) {
    ctx.lookup(annots, PDFArray).push(widgetRef);
    markChanged(annots);
  } else if (annots instanceof PDFArray) {
    annots.push(widgetRef);
    markChanged(page.ref);
  } else {
    page.node.set(PDFName.of('Annots'), ctx.obj([widgetRef]));
    markChanged(page.ref);
  }

  const zeros = '0'.repeat(o.reservedBytes * 2);
  let sig = `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_MARK} /Contents <${zeros}>`;
  sig += ` /M (${pdfDate(o.signingTime)}) /Name ${pdfTextHex(name)}`;
  if (o.reason) sig += ` /Reason ${pdfTextHex(o.reason)}`;
  if (o.location) sig += ` /Location ${pdfTextHex(o.location)}`;
  sig += ' >>';

  // Every object numbered above the original's belongs to this update (widget, font, appearance).
  const objects: UpdateObject[] = [...changed.values(), { ref: sigRef, body: latin1(sig) }];
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (ref.objectNumber >= xref.size && ref !== sigRef) objects.push({ ref, body: obj });
  }
  const info = ctx.trailerInfo.Info instanceof PDFRef ? ctx.trailerInfo.Info : undefined;
  const id = ctx.trailerInfo.ID ? ctx.trailerInfo.ID.toString() : undefined;
  const bytes = appendIncrementalUpdate(pdf, xref, { root: rootRef, info, id }, objects);
  return fillByteRange(bytes, pdf.length, o.reservedBytes * 2);
}

function rectWidth(r?: [number, number, number, number]) {
  return r ? Math.abs(r[2] - r[0]) : DEFAULT_W;
}
function rectHeight(r?: [number, number, number, number]) {
  return r ? Math.abs(r[3] - r[1]) : DEFAULT_H;
}
const DEFAULT_W = 220;
const DEFAULT_H = 56;
function defaultRect(pageWidth: number): [number, number, number, number] {
  const right = pageWidth - 36;
  return [right - DEFAULT_W, 36, right, 36 + DEFAULT_H];
}

function fillByteRange(bytes: Uint8Array, searchFrom: number, hexLength: number): PreparedPdf {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const markAt = buf.indexOf(BYTE_RANGE_MARK, searchFrom, 'latin1');
  const contentsAt = buf.indexOf('/Contents <', markAt, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + hexLength + 2;
  const byteRange: [number, number, number, number] = [0, contentsAt, contentsEnd, bytes.length - contentsEnd];
  const text = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_MARK.length, ' ');
  if (text.length !== BYTE_RANGE_MARK.length) throw SigningErrors.raise('PDF_INVALID', { reason: 'file too large' });
  buf.write(text, markAt, 'latin1');
  return { bytes, byteRange, contentsHexStart: contentsAt + 1, contentsHexLength: hexLength };
}
