import type { Feature } from '../../kernel/feature.ts';
import { serialProbe } from '../../devices/transport/serial-probe.ts';
import { auditIdentityReads, PSEUDONYM_KEY_PURPOSE } from './identity-audit.ts';
import { identityHandlers } from './identity-handlers.ts';
import { IdentityService } from './identity-service.ts';

/** QR readers (serial, HID-POS, keyboard wedge) and vendor ID readers; every read is audited. */
export const identityFeature: Feature = {
  name: 'identity',
  prefixes: ['identity'],
  create: (k) => {
    const identity = new IdentityService({ bus: k.bus, settings: k.settings, trainingMode: k.trainingMode, log: k.log });
    // Chip and QR reads are reads of personal data: audited with a pseudonym, never the contents.
    const stopAudit = auditIdentityReads(k.bus, k.store.audit, k.store.blobs.derivedKey(PSEUDONYM_KEY_PURPOSE), (message, fields) => k.log('warn', message, fields));
    return {
      handlers: identityHandlers(identity, k.identityReads),
      probes: [serialProbe],
      configuredProbes: [identity.probe],
      start: () => identity.start(),
      close: async () => {
        stopAudit();
        await identity.close();
      },
    };
  },
};
