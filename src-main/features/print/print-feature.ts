import type { Feature } from '../../kernel/feature.ts';
import { cupsProbe } from '../../devices/printer/cups-probe.ts';
import { printHandlers } from './print-handlers.ts';
import { PrintService } from './print-service.ts';

/** Forms to PDF, system printers by profile, ESC/POS tickets; issued PDFs go to the dossier's blobs. */
export const printFeature: Feature = {
  name: 'print',
  prefixes: ['print'],
  create: (k) => {
    const store = k.store;
    const archive = {
      dossierIdOf: (code: string) => {
        try {
          return store.dossiers.getByCode(code).id;
        } catch {
          return undefined;
        }
      },
      archive: (id: string, form: string, pdf: Uint8Array) => void store.dossiers.recordForm(id, form, store.blobs.put(pdf).sha256),
    };
    const print = new PrintService({ settings: k.settings, systemPrinter: k.devices.systemPrinter });
    // Training mode lists its simulated printers instead (training feature); no real printer is touched.
    return { handlers: printHandlers(print, archive), probes: k.trainingMode ? [] : [cupsProbe] };
  },
};
