import type { Dossier, Party } from '../../contract/dossiers.ts';

export {
  Sha256Hex,
  IsoDateTime,
  StatusCode,
  Party,
  DossierPage,
  DossierComponent,
  StatusEntry,
  IssuedForm,
  Appointment,
  DossierDraft,
  type ParsedDossierDraft,
  Dossier,
} from '../../contract/dossiers.ts';
export type { DossierDraft as DossierDraftInput } from '../../contract/dossiers.ts';

/** The code to print and to look the dossier up by: the official one once it exists. */
export function displayCode(d: Pick<Dossier, 'officialCode' | 'provisionalCode'>): string {
  return d.officialCode ?? d.provisionalCode ?? '';
}

export function applicantName(d: { applicant: Party }): string {
  return d.applicant.identity.fullName ?? '';
}
