import type { Feature } from '../../kernel/feature.ts';
import { DraftStore } from './draft-store.ts';
import { receptionHandlers } from './reception-handlers.ts';
import { ReceptionService } from './reception-service.ts';

/** The reception flow: encrypted drafts, accepting through the contract, the slips it prints. */
export const receptionFeature: Feature = {
  name: 'reception',
  prefixes: ['reception'],
  create: (k) => {
    const drafts = new DraftStore(k.config.dataDir, k.keyProvider);
    return { handlers: receptionHandlers(drafts, new ReceptionService(k.call, drafts, k.store, k.settings)) };
  },
};
