/** Text clean-up every parser applies: one Unicode form (NFC), no stray line ends, single spaces. */
export function normaliseInput(text: string): string {
  return text.normalize('NFC').replace(/^[\s\uFEFF]+|[\s]+$/g, '');
}

export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
