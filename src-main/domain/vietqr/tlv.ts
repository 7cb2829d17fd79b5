import { PrintErrors } from '../../contract/print.ts';

/** One EMVCo data object: a 2-digit id, a 2-digit length, then the value (lengths count characters). */
export interface Tlv {
  id: string;
  value: string;
}

export function encodeTlv(items: readonly Tlv[]): string {
  return items.map(({ id, value }) => {
    if (!/^\d{2}$/.test(id)) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'id must be 2 digits', id });
    if (value.length > 99) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'value longer than 99', id });
    return id + String(value.length).padStart(2, '0') + value;
  }).join('');
}

export function decodeTlv(text: string): Tlv[] {
  const items: Tlv[] = [];
  let at = 0;
  while (at < text.length) {
    const head = text.slice(at, at + 4);
    if (!/^\d{4}$/.test(head)) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'bad id/length', at });
    const length = Number(head.slice(2));
    if (at + 4 + length > text.length) throw PrintErrors.raise('VIETQR_INVALID', { reason: 'value runs past the end', at });
    items.push({ id: head.slice(0, 2), value: text.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return items;
}

export function tlvValue(items: readonly Tlv[], id: string): string | undefined {
  return items.find((t) => t.id === id)?.value;
}
