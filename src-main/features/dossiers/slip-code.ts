import { parseOfficialCode, parseProvisionalCode } from '../../domain/codes/dossier-code.ts';

/** Anything shaped like a dossier code inside longer text: `<agency>-YYMMDD-[T<counter>-[<installation tag>-]]NNNN`. */
const CODE_IN_TEXT = /[0-9A-Z][0-9A-Z.]{2,34}-\d{6}-(?:T[0-9A-Z]{1,4}-(?:[0-9A-HJKMNP-TV-Z]{4}-)?)?\d{4,}/g;

function isDossierCode(s: string): boolean {
  return parseOfficialCode(s) !== undefined || parseProvisionalCode(s) !== undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Query values and path segments of a tracking URL, last first (where `{code}` usually sits). */
function urlCandidates(text: string): string[] {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return [];
  }
  const fromQuery = [...url.searchParams.values()];
  const fromPath = url.pathname.split('/').filter(Boolean).map(safeDecode);
  const fromHash = url.hash ? [safeDecode(url.hash.slice(1))] : [];
  return [...fromQuery, ...fromPath.reverse(), ...fromHash];
}

/**
 * The dossier code in what the officer typed or a QR reader sent: the code itself (any case, with
 * the CR/LF/TAB a keyboard-wedge scanner appends), or the tracking URL the slip's QR encodes when
 * one is configured (`trackingUrl` + code, or with `{code}` in the middle; see forms/codes.ts).
 */
export function extractDossierCode(raw: string): string | undefined {
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (text === '') return undefined;
  const direct = text.toUpperCase();
  if (isDossierCode(direct)) return direct;
  const candidates = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? urlCandidates(text) : [];
  for (const c of [...candidates, safeDecode(text)]) {
    const up = c.trim().toUpperCase();
    if (isDossierCode(up)) return up;
    for (const m of up.match(CODE_IN_TEXT) ?? []) {
      // A prefix glued to the agency part (e.g. "MAHS:000.00…") is shed one character at a time.
      for (let i = 0; i < m.length; i++) if (isDossierCode(m.slice(i))) return m.slice(i);
    }
  }
  return undefined;
}
