/**
 * Dossier codes (TT 01/2018 Art. 19): `<agency identifier>-YYMMDD-XXXX`, e.g.
 * 000.00.31.H42-240520-0017. Offline, a counter issues a provisional code instead, built so that two
 * counters of the same agency can never produce the same one and nobody can mistake it for an
 * official code: `<agency>-YYMMDD-T<counter>-<installation tag>-NNNN` (T = tạm, provisional), e.g.
 * 000.00.31.H42-240520-T01-K7QM-0017. The tag is drawn once per installation, so two PCs left at the
 * same counter ID still differ. Codes issued before the tag existed (`…-T01-0017`) still parse.
 */

/** QCVN 102:2016 order as seen in real dossier codes (000.00.06.H56); QĐ 20/2020 order (H56.14) also accepted. */
const AGENCY_QCVN = /^\d{3}\.\d{2}\.\d{2}\.[A-Y]\d{2}$/;
const AGENCY_QD20 = /^[A-Y]\d{2}(\.[0-9A-Z]{1,8}){0,6}$/;

export function isAgencyCode(code: string): boolean {
  return code.length <= 35 && (AGENCY_QCVN.test(code) || AGENCY_QD20.test(code));
}

export const COUNTER_ID = /^[0-9A-Z]{1,4}$/;

export interface OfficialCode {
  agency: string;
  /** YYMMDD */
  day: string;
  sequence: number;
}

const OFFICIAL = /^(.+)-(\d{6})-(\d{4,5})$/;
const PROVISIONAL = /^(.+)-(\d{6})-T([0-9A-Z]{1,4})(?:-([0-9A-HJKMNP-TV-Z]{4}))?-(\d{4,})$/;

/** YYMMDD of a date in Vietnam time (UTC+7, no daylight saving), whatever the machine's zone. */
export function vnDay(at: Date): string {
  const vn = new Date(at.getTime() + 7 * 3600_000);
  const y = vn.getUTCFullYear() % 100;
  const m = vn.getUTCMonth() + 1;
  const d = vn.getUTCDate();
  return [y, m, d].map((n) => String(n).padStart(2, '0')).join('');
}

export function formatOfficialCode(c: OfficialCode): string {
  return `${c.agency}-${c.day}-${String(c.sequence).padStart(4, '0')}`;
}

/** Lenient: also accepts the 5-digit suffixes some provincial systems emit (see notes §1.4). */
export function parseOfficialCode(code: string): OfficialCode | undefined {
  const m = OFFICIAL.exec(code.trim());
  if (!m || !isAgencyCode(m[1]!) || !validDay(m[2]!)) return undefined;
  return { agency: m[1]!, day: m[2]!, sequence: Number(m[3]) };
}

export interface ProvisionalCode {
  agency: string;
  day: string;
  counterId: string;
  /** The installation's tag; absent only in codes issued before it existed. */
  installationTag?: string;
  sequence: number;
}

export function formatProvisionalCode(c: ProvisionalCode): string {
  const tag = c.installationTag ? `-${c.installationTag}` : '';
  return `${c.agency}-${c.day}-T${c.counterId}${tag}-${String(c.sequence).padStart(4, '0')}`;
}

export function parseProvisionalCode(code: string): ProvisionalCode | undefined {
  const m = PROVISIONAL.exec(code.trim());
  if (!m || !isAgencyCode(m[1]!) || !validDay(m[2]!)) return undefined;
  const parsed: ProvisionalCode = { agency: m[1]!, day: m[2]!, counterId: m[3]!, sequence: Number(m[5]) };
  if (m[4]) parsed.installationTag = m[4];
  return parsed;
}

export function isProvisionalCode(code: string): boolean {
  return parseProvisionalCode(code) !== undefined;
}

function validDay(yymmdd: string): boolean {
  const m = Number(yymmdd.slice(2, 4));
  const d = Number(yymmdd.slice(4, 6));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}
