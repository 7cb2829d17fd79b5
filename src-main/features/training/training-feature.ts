import { join } from 'node:path';
import type { Feature } from '../../kernel/feature.ts';
import { trainingHandlers } from './training-handlers.ts';
import { prepareTrainingProfile } from './training-profile.ts';
import { TrainingSimulators } from './training-simulators.ts';

/** Training mode: the province server and ticket printer are simulators, and a practice profile is set up. */
export const trainingFeature: Feature = {
  name: 'training',
  prefixes: ['training'],
  create: (k) => {
    const { trainingCardReader: cardReader, trainingPrinter: systemPrinter } = k.devices;
    const sims = cardReader && systemPrinter ? new TrainingSimulators({ dataDir: k.config.dataDir, cscaDir: join(k.config.dataDir, 'csca'), log: k.log, cardReader, systemPrinter }) : undefined;
    return {
      handlers: trainingHandlers({ simulators: sims, call: k.call }),
      probes: sims?.probes,
      // A training profile is ready to practise before the first call is answered.
      prepare: async () => {
        if (!sims) return;
        await Promise.all([
          prepareTrainingProfile(k.call, k.settings).catch((err) => k.log('error', 'training profile not prepared', { error: String(err) })),
          sims.start(k.settings, k.secrets).catch((err) => k.log('error', 'training simulators not started', { error: String(err) })),
        ]);
      },
      close: () => sims?.close(),
    };
  },
};
