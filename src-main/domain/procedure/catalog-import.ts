import { Procedure, type ComponentCopies, type SubmissionChannel } from './procedure.ts';
import { parseCsv, sniffDelimiter } from './csv.ts';

export interface RejectedRow {
  /** 1-based: the array index + 1 for JSON, the line's row number (header = 1) for CSV. */
  row: number;
  code?: string;
  errors: string[];
}

export interface CatalogParseResult {
  valid: Procedure[];
  rejected: RejectedRow[];
}

/**
 * Reads a procedure catalogue in either format, keeps every valid procedure and explains every
 * rejected row (a bad row never blocks the good ones). Duplicate codes: the first wins.
 */
export function parseCatalog(text: string, format: 'json' | 'csv'): CatalogParseResult {
  const candidates = format === 'json' ? fromJson(text) : fromCsv(text);
  const valid: Procedure[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if ('errors' in c) {
      rejected.push(c);
      continue;
    }
    const parsed = Procedure.safeParse(c.value);
    const code = typeof (c.value as { code?: unknown })?.code === 'string' ? ((c.value as { code: string }).code) : undefined;
    if (!parsed.success) {
      rejected.push({ row: c.row, code, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`) });
    } else if (seen.has(parsed.data.code)) {
      rejected.push({ row: c.row, code, errors: [`code: duplicate ${parsed.data.code} in this file`] });
    } else {
      seen.add(parsed.data.code);
      valid.push(parsed.data);
    }
  }
  return { valid, rejected };
}

type Candidate = { row: number; value: unknown } | RejectedRow;

function fromJson(text: string): Candidate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return [{ row: 0, errors: [`file: not valid JSON (${(err as Error).message})`] }];
  }
  const list = Array.isArray(data) ? data : (data as { procedures?: unknown })?.procedures;
  if (!Array.isArray(list)) return [{ row: 0, errors: ['file: expected an array of procedures or { "procedures": [...] }'] }];
  return list.map((value, i) => ({ row: i + 1, value }));
}

/**
 * CSV columns (header row required, any order): code, name, field, field_code, time_value, time_unit
 * (working-days | working-hours, or "ngày làm việc" / "giờ làm việc"), fees ("name=amount; …"),
 * components ("name|originals|certified|photocopies; …", same counts for every channel), channels
 * ("direct online postal", default direct), cutoff (HH:mm), sample (true/false/1/0), legal_basis ("…; …").
 */
function fromCsv(text: string): Candidate[] {
  const { rows, error } = parseCsv(text, sniffDelimiter(text));
  if (error) return [{ row: 0, errors: [`file: ${error}`] }];
  const [header, ...body] = rows;
  if (!header) return [{ row: 0, errors: ['file: empty'] }];
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = ['code', 'name', 'field', 'time_value', 'time_unit'].filter((c) => !cols.includes(c));
  if (missing.length) return [{ row: 1, errors: [`header: missing column(s) ${missing.join(', ')}`] }];
  return body.map((cells, i): Candidate => {
    const get = (name: string) => (cells[cols.indexOf(name)] ?? '').trim();
    const errors: string[] = [];
    // U+FFFD stands where a decoder met bytes it could not read, C1 controls where Windows-1258 has
    // no character: either way the name would be stored garbled.
    const garbled = cols.filter((_c, k) => /[\uFFFD\u0080-\u009F]/.test(cells[k] ?? ''));
    if (garbled.length) errors.push(`${garbled.join(', ')}: contains "\uFFFD" (unreadable characters); save the file again as "CSV UTF-8"`);
    const channels = (get('channels') || 'direct').split(/[\s;,]+/).filter(Boolean) as SubmissionChannel[];
    const components = splitList(get('components')).map((spec) => {
      const [name = '', o = '1', c = '0', p = '0'] = spec.split('|').map((s) => s.trim());
      const copies: ComponentCopies[] = channels.map((channel) => ({
        channel,
        originals: Number(o),
        certifiedCopies: Number(c),
        photocopies: Number(p),
      }));
      return { name, copies };
    });
    const fees = splitList(get('fees')).map((spec) => {
      const eq = spec.lastIndexOf('=');
      const amount = eq < 0 ? NaN : Number(spec.slice(eq + 1).replace(/[.\s]/g, ''));
      if (eq < 0) errors.push(`fees: "${spec}" should be name=amount`);
      return { name: eq < 0 ? spec : spec.slice(0, eq).trim(), amountVnd: amount };
    });
    const unit = normaliseUnit(get('time_unit'));
    if (!unit) errors.push(`time_unit: "${get('time_unit')}" is not working-days or working-hours`);
    const sampleText = get('sample').toLowerCase();
    if (errors.length) return { row: i + 2, code: get('code') || undefined, errors };
    return {
      row: i + 2,
      value: {
        code: get('code'),
        name: get('name'),
        field: { code: get('field_code'), name: get('field') },
        processingTime: { value: Number(get('time_value').replace(',', '.')), unit },
        ...(get('cutoff') ? { sameDayCutoff: get('cutoff') } : {}),
        fees,
        components,
        legalBasis: splitList(get('legal_basis')),
        sample: sampleText === 'true' || sampleText === '1' || sampleText === 'x',
      },
    };
  });
}

function splitList(s: string): string[] {
  return s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
}

function normaliseUnit(s: string): 'working-days' | 'working-hours' | undefined {
  const t = s.toLowerCase();
  if (t === 'working-days' || t === 'ngày làm việc' || t === 'ngay lam viec' || t === 'days') return 'working-days';
  if (t === 'working-hours' || t === 'giờ làm việc' || t === 'gio lam viec' || t === 'hours') return 'working-hours';
  return undefined;
}
