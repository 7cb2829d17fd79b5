/** The BHYT QR carries free text as lower-case hex of its UTF-8 bytes, which keeps the QR ASCII-safe. */
export function isHex(s: string): boolean {
  return s.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(s);
}

/** Decodes hex → UTF-8 text; `damaged` is true when the bytes are not valid UTF-8. */
export function hexToText(hex: string): { text: string; damaged: boolean } {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), damaged: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes).normalize('NFC'), damaged: true };
  }
}

export function textToHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}
