import type { HandlersOf } from '../../rpc/handlers.ts';
import type { DraftStore } from './draft-store.ts';
import type { ReceptionService } from './reception-service.ts';

type ReceptionMethod = 'reception.drafts.save' | 'reception.drafts.get' | 'reception.drafts.list' | 'reception.drafts.discard' | 'reception.accept' | 'reception.issueForm';

export function receptionHandlers(drafts: DraftStore, reception: ReceptionService): HandlersOf<ReceptionMethod> {
  return {
    'reception.accept': ({ draftId, print, officerName }) => reception.accept(draftId, { print, officerName }),
    'reception.issueForm': (req) => reception.issueForm(req, ''),
    'reception.drafts.save': (draft) => drafts.save(draft),
    'reception.drafts.get': ({ id }) => drafts.get(id),
    'reception.drafts.list': () =>
      drafts.list().map((d) => ({ id: d.id, updatedAt: d.updatedAt, step: d.step, applicantName: d.applicant?.fullName, procedureCode: d.procedureCode, scanSessionId: d.scanSessionId })),
    'reception.drafts.discard': ({ id }) => ({ discarded: drafts.discard(id) }),
  };
}
