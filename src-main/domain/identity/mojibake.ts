/**
 * Signs that UTF-8 text went through something that could not carry it: a keyboard-wedge scanner
 * on an ASCII layout turns "Nữ" into "N?" or "N�"; a wrong code page turns "ễ" into "á»…".
 * We only detect; repairing would be guessing a person's name.
 */
const REPLACEMENT = '\uFFFD';
const CP1252_UTF8 = /(?:Ã[\u0080-\u00BF\u2018-\u201E\u00A0-\u00BF]|á[»º]|Æ°|Ä‘|Ä\u0090)/;

export function looksDamaged(text: string): boolean {
  return text.includes(REPLACEMENT) || text.includes('?') || CP1252_UTF8.test(text);
}
