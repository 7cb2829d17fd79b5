import type { OutgoingDossier, OutgoingStatus, RemoteState } from './adapter.ts';
import type { StatusEntry } from './status-outbox.ts';

/**
 * What the uploader needs from the local dossier store: the dossier to send, and where to put what
 * comes back. `store-source.ts` implements it over the real store.
 */
export interface DossierSource {
  /** The dossier to deliver, or undefined if it no longer exists locally. */
  outgoing(dossierId: string): OutgoingDossier | undefined;
  /** A queued local status change with readers for its result files, or undefined if a file is gone. */
  outgoingStatus(entry: StatusEntry): OutgoingStatus | undefined;
  /** The province issued its official MaHoSo: replace the provisional code. */
  officialCodeIssued(dossierId: string, code: string): void;
  /** Read back from the province: it holds the dossier. */
  provinceConfirmed(dossierId: string, at: Date): void;
  /** The province's status and progress, to fold into the dossier's history. */
  remoteState(state: RemoteState): void;
}
