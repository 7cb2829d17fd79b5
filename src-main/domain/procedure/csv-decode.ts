/**
 * The bytes of a CSV file as text. Excel on Vietnamese Windows saves "CSV" in Windows-1258, where
 * the tone marks are separate combining characters; read as UTF-8 that gives garbled names with no
 * error. So: strict UTF-8 first (a BOM is dropped), Windows-1258 when the bytes are not UTF-8, and
 * NFC either way so "ế" is one character whatever wrote it.
 */
export type TextEncodingName = 'utf-8' | 'windows-1258';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}
