import type { Dossier, Party } from '../../contract/dossiers.ts';
import type { Procedure } from '../../contract/procedures.ts';
import type { FormDataInput } from '../../contract/print.ts';
import type { Settings } from '../../contract/settings.ts';

/** Vietnam keeps UTC+7 all year (no daylight saving), so wall-clock time is UTC shifted by 7 h. */
const VN_OFFSET_MS = 7 * 3600_000;

/** An ISO instant with offset → "yyyy-MM-ddTHH:mm" as a clock at the counter in Vietnam reads it. */
export function vietnamWallClock(iso: string): string {
  return new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString().slice(0, 16);
}

function person(p: Party) {
  return {
    fullName: p.identity.fullName ?? '',
    idNumber: p.identity.idNumber ?? '',
    address: p.identity.address ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
  };
}

export interface DossierFormExtras {
  procedure?: Procedure;
  officerName?: string;
  /** Sổ theo dõi: volume and number; defaults to "<counter>/<year>" and the code's day sequence. */
  book?: { volume: string; number: string };
}

/** Maps a stored dossier (and its procedure, for time limit and fee) onto the forms' view model. */
export function formDataFromDossier(d: Dossier, settings: Settings, extras: DossierFormExtras = {}): FormDataInput {
  const code = d.officialCode ?? d.provisionalCode ?? d.id;
  const received = vietnamWallClock(d.receivedAt);
  const fee = extras.procedure?.fees.reduce((sum, f) => sum + f.amountVnd, 0) ?? 0;
  return {
    agency: {
      parentName: settings.agency.parentName,
      name: settings.agency.name || 'Bộ phận tiếp nhận và trả kết quả',
      place: settings.agency.place || settings.agency.name || '…',
      code: d.agencyCode,
      phone: settings.agency.phone,
    },
    applicant: person(d.applicant),
    owner: d.owner ? person(d.owner) : undefined,
    procedure: { code: d.procedureCode, name: d.procedureName, processingTime: extras.procedure?.processingTime },
    components: d.components.map((c) => ({ name: c.name, original: c.originals, certified: c.certifiedCopies, copy: c.photocopies })),
    receivedAt: received,
    appointmentAt: d.dueAt ? vietnamWallClock(d.dueAt) : undefined,
    book: extras.book ?? { volume: `${settings.agency.counterId}/${received.slice(0, 4)}`, number: /-(\d{4,5})$/.exec(code)?.[1] ?? '' },
    dossierCode: code,
    provisional: d.officialCode === null,
    fee: fee > 0 ? { amount: fee, label: 'Lệ phí' } : undefined,
    officer: { fullName: extras.officerName || d.acceptedBy || '…' },
  };
}
