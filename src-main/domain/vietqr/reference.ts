import { parseOfficialCode, parseProvisionalCode } from '../codes/dossier-code.ts';
import { asciiReference } from './vietqr.ts';

/** EMVCo MPM: the purpose of transaction (tag 62, sub-tag 08) holds at most 25 characters; NAPAS keeps that limit. */
export const PURPOSE_MAX = 25;

/**
 * The short transfer reference for a dossier's fee, matched by the officer against the slip: the
 * prefix (e.g. "LP"), then the dossier code without its agency part — `YYMMDD-NNNN`, or
 * `YYMMDD-T<counter>-NNNN` for a provisional code. The agency part is the same for every dossier
 * paid into this agency's account, so the short form is still unique there; the slip prints this same
 * text under its VietQR. Any other text is made ASCII; nothing is ever cut silently: a prefix that
 * leaves no room is shortened first, and a reference that still does not fit is refused by the builder.
 */
export function paymentReference(prefix: string, dossierCodeOrText: string): string {
  const code = dossierCodeOrText.trim();
  const official = parseOfficialCode(code);
  const provisional = official ? undefined : parseProvisionalCode(code);
  const short = official
    ? `${official.day}-${String(official.sequence).padStart(4, '0')}`
    : provisional
      ? `${provisional.day}-T${provisional.counterId}-${String(provisional.sequence).padStart(4, '0')}`
      : asciiReference(code);
  const p = asciiReference(prefix).replace(/\s+/g, '');
  const room = PURPOSE_MAX - short.length - 1;
  if (!p || room <= 0) return short;
  return `${p.slice(0, room)} ${short}`;
}
