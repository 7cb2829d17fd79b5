import type { Feature } from '../../kernel/feature.ts';
import { dossierComponentSource } from './dossier-component-source.ts';
import { signingHandlers } from './signing-handlers.ts';
import { SigningService } from './signing-service.ts';

/** Digital signatures (PKCS#11 tokens, PKCS#12) and their verification; a dossier's component PDFs are what signDossier signs. */
export const signingFeature: Feature = {
  name: 'signing',
  prefixes: ['signing'],
  create: (k) => {
    const signing = new SigningService({
      settings: () => k.settings.get().signing,
      emit: (p) => k.bus.emit('signing.progress', p),
      components: dossierComponentSource(k.store),
    });
    return { handlers: signingHandlers(signing) };
  },
};
