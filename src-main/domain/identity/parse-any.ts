import type { Identity } from '../../contract/identity.ts';
import { IdentityErrors } from './errors.ts';
import { looksLikeBhyt, parseBhytQr } from './bhyt-qr.ts';
import { looksLikeMrz, parseMrzTd1, type MrzOptions } from './mrz-td1.ts';
import { parseCccdQr } from './cccd-qr.ts';
import { parseVneidQr } from './vneid-qr.ts';
import { normaliseInput } from './text.ts';

export type ParseHint = 'auto' | 'cccd-qr' | 'vneid-qr' | 'bhyt-qr' | 'mrz-td1';

/**
 * One entry point for every scanned or typed text. The shapes do not overlap: a BHYT QR ends in
 * `|$`, an MRZ is 3 × 30 characters of A–Z0–9<, a CCCD/VNeID QR has `|`-separated fields. The hint
 * says where the text came from when the reader knows (the VNeID app is not detectable by shape).
 */
export function parseAny(text: string, hint: ParseHint = 'auto', opts: MrzOptions = {}): Identity {
  const clean = normaliseInput(text);
  if (!clean) throw IdentityErrors.raise('ID_EMPTY');
  switch (hint) {
    case 'cccd-qr':
      return parseCccdQr(clean);
    case 'vneid-qr':
      return parseVneidQr(clean);
    case 'bhyt-qr':
      return parseBhytQr(clean);
    case 'mrz-td1':
      return parseMrzTd1(clean, opts);
  }
  if (looksLikeBhyt(clean)) return parseBhytQr(clean);
  if (looksLikeMrz(clean)) return parseMrzTd1(clean, opts);
  if (clean.includes('|')) return parseCccdQr(clean);
  // Keep the raw text so the officer (never the log) can still see what was scanned.
  throw IdentityErrors.raise('ID_UNRECOGNISED', { raw: clean.slice(0, 2000) });
}
