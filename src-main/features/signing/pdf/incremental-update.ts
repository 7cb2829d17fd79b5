import type { PDFObject, PDFRef } from 'pdf-lib';

/** What ends the original file: a classic `xref` table or a cross-reference stream (PDF 1.5+). */
export interface OriginalXref {
  kind: 'table' | 'stream';
  /** Byte offset the last `startxref` points at; the update's /Prev. */
  offset: number;
  /** /Size of the last trailer; new objects are numbered from here. */
  size: number;
}

export interface TrailerRefs {
  root: PDFRef;
  info?: PDFRef;
  /** The original /ID array, serialized, kept unchanged across updates. */
  id?: string;
}

/** One object of the update: a pdf-lib object, or raw bytes we laid out ourselves. */
export interface UpdateObject {
  ref: PDFRef;
  body: PDFObject | Uint8Array;
}

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const asText = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

/** Reads the last startxref and the /Size of the trailer it leads to. */
export function readOriginalXref(pdf: Uint8Array): OriginalXref | undefined {
  const tail = asText(pdf, Math.max(0, pdf.length - 2048), pdf.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!m) return undefined;
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset >= pdf.length) return undefined;
  const head = asText(pdf, offset, offset + 32);
  const kind = head.startsWith('xref') ? 'table' : 'stream';
  let dictText: string;
  if (kind === 'table') {
    const trailerAt = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).indexOf('trailer', offset, 'latin1');
    if (trailerAt < 0) return undefined;
    dictText = asText(pdf, trailerAt, trailerAt + 4096);
  } else {
    dictText = asText(pdf, offset, offset + 4096);
  }
  const size = /\/Size\s+(\d+)/.exec(dictText);
  if (!size) return undefined;
  return { kind, offset, size: Number(size[1]) };
}

function objectBytes(body: PDFObject | Uint8Array): Uint8Array {
  if (body instanceof Uint8Array) return body;
  const out = new Uint8Array(body.sizeInBytes());
  body.copyBytesInto(out, 0);
  return out;
}

/** Groups sorted object numbers into xref subsections of consecutive numbers. */
function subsections(nums: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of nums) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1] += 1;
    else out.push([n, 1]);
  }
  return out;
}

/**
 * Appends new and changed objects after the original bytes, with a cross-reference section of
 * the same kind as the original and /Prev pointing at it, so the signed-over bytes never change
 * (ISO 32000-1 §7.5.6).
 */
export function appendIncrementalUpdate(original: Uint8Array, xref: OriginalXref, trailer: TrailerRefs, objects: UpdateObject[]): Uint8Array {
  const parts: Uint8Array[] = [original];
  let pos = original.length;
  const push = (b: Uint8Array) => {
    parts.push(b);
    pos += b.length;
  };
  const lastByte = original[original.length - 1];
  if (lastByte !== 0x0a && lastByte !== 0x0d) push(latin1('\n'));

  const offsets = new Map<number, { offset: number; gen: number }>();
  const sorted = [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
  for (const o of sorted) {
    offsets.set(o.ref.objectNumber, { offset: pos, gen: o.ref.generationNumber });
    push(latin1(`${o.ref.objectNumber} ${o.ref.generationNumber} obj\n`));
    push(objectBytes(o.body));
    push(latin1('\nendobj\n'));
  }
  const maxNum = Math.max(xref.size - 1, ...sorted.map((o) => o.ref.objectNumber));
  const trailerEntries = [`/Root ${trailer.root.toString()}`];
  if (trailer.info) trailerEntries.push(`/Info ${trailer.info.toString()}`);
  if (trailer.id) trailerEntries.push(`/ID ${trailer.id}`);
  trailerEntries.push(`/Prev ${xref.offset}`);

  if (xref.kind === 'table') {
    const xrefAt = pos;
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    let text = 'xref\n';
    for (const [start, count] of subsections(nums)) {
      text += `${start} ${count}\n`;
      for (let n = start; n < start + count; n++) {
        const e = offsets.get(n)!;
        text += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n \n`;
      }
    }
    text += `trailer\n<< /Size ${maxNum + 1} ${trailerEntries.join(' ')} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    push(latin1(text));
  } else {
    // The xref stream lists itself too; W = [1 4 2]: type, 32-bit offset, 16-bit generation.
    const selfNum = maxNum + 1;
    const xrefAt = pos;
    offsets.set(selfNum, { offset: xrefAt, gen: 0 });
    const nums = [...offsets.keys()].sort((a, b) => a - b);
    const data = new Uint8Array(nums.length * 7);
    nums.forEach((n, i) => {
      const e = offsets.get(n)!;
      const v = new DataView(data.buffer, i * 7, 7);
      v.setUint8(0, 1);
      v.setUint32(1, e.offset);
      v.setUint16(5, e.gen);
    });
    const index = subsections(nums).flat().join(' ');
    const dict = `<< /Type /XRef /Size ${selfNum + 1} /Index [${index}] /W [1 4 2] /Length ${data.length} ${trailerEntries.join(' ')} >>`;
    push(latin1(`${selfNum} 0 obj\n${dict}\nstream\n`));
    push(data);
    push(latin1(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`));
  }
  const out = new Uint8Array(pos);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
