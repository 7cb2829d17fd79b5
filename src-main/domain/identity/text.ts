/**
 * Control characters some readers put around a code: NUL (a C-string terminator), STX/ETX framing,
 * CR/LF/TAB suffixes, DEL, C1 controls, and a byte-order mark.
 */
const EDGE_CONTROLS = /^[\uFEFF\u0000-\u001F\u007F-\u009F]+|[\uFEFF\u0000-\u001F\u007F-\u009F]+$/g;
const EDGE_BLANKS = /^[\s\uFEFF\u0000-\u001F\u007F-\u009F]+|[\s\uFEFF\u0000-\u001F\u007F-\u009F]+$/g;

/** Drops control characters at both ends (the reader's framing); inside the text they are left for the parser to refuse. */
export function trimControls(text: string): string {
  return text.replace(EDGE_CONTROLS, '');
}

/** Text clean-up every parser applies: no control characters or blanks at the ends, one Unicode form (NFC). */
export function normaliseInput(text: string): string {
  return text.normalize('NFC').replace(EDGE_BLANKS, '');
}

export function tidy(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
