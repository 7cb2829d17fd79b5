import { CardErrors } from '../../contract/card.ts';
import { integerValue, parseTree, type TlvNode } from './der.ts';

/** Vietnamese DG13 fields, keyed by the field number the card carries (notes §2.3). */
export interface Dg13Fields {
  idNumber?: string;
  fullName?: string;
  dateOfBirth?: string;
  sex?: string;
  nationality?: string;
  ethnicity?: string;
  religion?: string;
  placeOfOrigin?: string;
  placeOfResidence?: string;
  identifyingFeatures?: string;
  issueDate?: string;
  expiryDate?: string;
  fatherName?: string;
  motherName?: string;
  spouseName?: string;
  oldIdNumber?: string;
  /** Field 16: a 16-character value of unknown meaning (possibly a chip serial); kept raw. */
  field16?: string;
  /** Numbers this parser does not know (2024 cards may add fields), with their text leaves. */
  unknown: Record<number, string[]>;
}

const SINGLE: Record<number, keyof Dg13Fields> = {
  1: 'idNumber',
  2: 'fullName',
  3: 'dateOfBirth',
  4: 'sex',
  5: 'nationality',
  6: 'ethnicity',
  7: 'religion',
  8: 'placeOfOrigin',
  9: 'placeOfResidence',
  10: 'identifyingFeatures',
  11: 'issueDate',
  12: 'expiryDate',
  15: 'oldIdNumber',
  16: 'field16',
};

const STRING_TAGS = new Set([0x0c, 0x13, 0x16, 0x14, 0x1e, 0x12, 0x1a]);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeString(n: TlvNode): string {
  if (n.tag === 0x1e) {
    // BMPString: UTF-16BE
    let s = '';
    for (let i = 0; i + 1 < n.value.length; i += 2) s += String.fromCharCode(((n.value[i] as number) << 8) | (n.value[i + 1] as number));
    return s;
  }
  try {
    return utf8.decode(n.value);
  } catch {
    throw CardErrors.raise('DG_MALFORMED', { dg: 13, reason: 'text is not UTF-8' });
  }
}

/** Every text leaf under a node, in document order: how field 13 is read whatever its nesting. */
function textLeaves(nodes: TlvNode[]): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    if (n.constructed) out.push(...textLeaves(n.children));
    else if (STRING_TAGS.has(n.tag)) out.push(decodeString(n).trim());
  }
  return out;
}

/** A field record is SEQUENCE { INTEGER fieldNo, value… }. */
function isRecord(n: TlvNode): boolean {
  return n.tag === 0x30 && n.children[0]?.tag === 0x02 && n.children[0].value.length <= 2;
}

/** Finds the list of records: inside the SET, or — tolerating variants — any level that holds them. */
function findRecords(nodes: TlvNode[], depth = 0): TlvNode[] {
  const direct = nodes.filter(isRecord);
  // A record list has records that are not the DG13 header sequence (version INTEGER + OID).
  if (direct.length > 0 && direct.some((r) => r.children.length >= 1 && r.children[1]?.tag !== 0x06)) return direct;
  if (depth > 4) return [];
  for (const n of nodes) {
    if (!n.constructed) continue;
    const found = findRecords(n.children, depth + 1);
    if (found.length) return found;
  }
  return [];
}

export function parseDg13(file: Uint8Array): Dg13Fields {
  const top = parseTree(file);
  const root = top[0];
  if (!root || root.tag !== 0x6d) throw CardErrors.raise('DG_MALFORMED', { dg: 13, reason: 'tag' });
  const records = findRecords(root.children);
  if (records.length === 0) throw CardErrors.raise('DG_MALFORMED', { dg: 13, reason: 'no field records' });
  const out: Dg13Fields = { unknown: {} };
  for (const r of records) {
    const no = integerValue(r.children[0] as TlvNode);
    const leaves = textLeaves(r.children.slice(1));
    const key = SINGLE[no];
    if (key) {
      const v = leaves.join(' ').trim();
      if (v) (out as unknown as Record<string, string>)[key] = v;
    } else if (no === 13) {
      if (leaves[0]) out.fatherName = leaves[0];
      if (leaves[1]) out.motherName = leaves[1];
    } else if (no === 14) {
      if (leaves.length) out.spouseName = leaves.join(' ');
    } else {
      out.unknown[no] = leaves;
    }
  }
  return out;
}

/** DD/MM/YYYY (or DDMMYYYY) → YYYY-MM-DD when it is a real calendar date; otherwise undefined. */
export function vnDateToIso(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(\d{2})\/?(\d{2})\/?(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[3]}-${m[2]}-${m[1]}`;
}
