/**
 * HID-POS (USB HID usage page 0x8C, "Bar Code Scanner") input report, as Honeywell, Zebra and
 * Newland engines send it: [reportId 0x02][length][3 bytes AIM symbology id][data … padded]
 * [last byte: bit 0 = more reports follow]. The layout is from the HID POS usage tables and vendor
 * manuals; it could not be exercised here (no /dev/hidraw) — confirm with a real scanner.
 */
export interface HidPosChunk {
  data: Uint8Array;
  symbology: string;
  more: boolean;
}

export const HID_POS_USAGE_PAGE = 0x8c;
const SCANNED_DATA_REPORT = 0x02;

export function parseHidPosReport(report: Uint8Array): HidPosChunk | undefined {
  if (report.length < 6 || report[0] !== SCANNED_DATA_REPORT) return undefined;
  const len = report[1] as number;
  const symbology = String.fromCharCode(report[2] as number, report[3] as number, report[4] as number).replace(/\0/g, '');
  const data = report.subarray(5, Math.min(5 + len, report.length - 1));
  const more = ((report[report.length - 1] as number) & 1) === 1;
  return { data, symbology, more };
}

/** Joins the chunks of one code; a code may span several reports. */
export class HidPosAssembler {
  private parts: Uint8Array[] = [];

  push(report: Uint8Array): Uint8Array | undefined {
    const chunk = parseHidPosReport(report);
    if (!chunk) return undefined;
    this.parts.push(chunk.data);
    if (chunk.more) return undefined;
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    this.parts = [];
    return out;
  }
}
