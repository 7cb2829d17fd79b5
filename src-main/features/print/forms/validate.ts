import { FormData, PrintErrors, type FormKind } from '../../../contract/print.ts';
import type { FormFonts } from '../../../documents/fonts.ts';

/** Longest value each kind of field may have and still fit the A5 layout legibly. */
const LIMITS: Array<[RegExp, number]> = [
  [/(fullName|parentName|place|title)$/, 100],
  [/^agency\.name$/, 150],
  [/dossierCode$/, 60],
  [/(idNumber|phone|code|volume|number)$/, 40],
  [/(address|email|resultDelivery|trackingUrl)$/, 300],
  [/^procedure\.name$/, 500],
  [/^components\.\d+\.name$/, 300],
  [/(reason|note|name|handedBy|receivedBy)$/, 1000],
];

// Control characters (C0 except tab/newline, DEL, C1), bidi overrides and private use never print.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff\ufffe\uffff]/u;

function walk(value: unknown, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i), visit));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, visit);
}

/** NFC-normalises every text (decomposed marks from some keyboards) so each letter is one glyph. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

/** Checks a view model for a form; every problem becomes a coded error naming the field. */
export function validateFormData(kind: FormKind, input: unknown, fonts: FormFonts): FormData {
  const parsed = FormData.safeParse(normalise(input));
  if (!parsed.success) {
    throw PrintErrors.raise('FORM_DATA_INVALID', { fields: parsed.error.issues.map((i) => ({ field: i.path.join('.'), problem: i.message })) });
  }
  const data = parsed.data;
  walk(data, '', (path, text) => {
    const limit = LIMITS.find(([re]) => re.test(path))?.[1] ?? 300;
    if (text.length > limit) throw PrintErrors.raise('FORM_TEXT_TOO_LONG', { field: path, length: text.length, limit });
    if (UNPRINTABLE.test(text)) throw PrintErrors.raise('FORM_TEXT_UNPRINTABLE', { field: path });
    const missing = fonts.missing(text);
    if (missing.length) throw PrintErrors.raise('FORM_TEXT_UNPRINTABLE', { field: path, characters: missing.slice(0, 5) });
  });
  if (kind === 'supplement' && !data.supplement) throw PrintErrors.raise('FORM_NEEDS_SECTION', { section: 'supplement' });
  if (kind === 'refusal' && !data.refusal) throw PrintErrors.raise('FORM_NEEDS_SECTION', { section: 'refusal' });
  if (kind === 'receipt' && !data.appointmentAt) throw PrintErrors.raise('FORM_DATA_INVALID', { fields: [{ field: 'appointmentAt', problem: 'required for the receipt' }] });
  return data;
}
