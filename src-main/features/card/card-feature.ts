import type { Feature } from '../../kernel/feature.ts';
import { cardHandlers } from './card-handlers.ts';
import { CardService } from './card-service.ts';

/** The chip ID card: PC/SC readers (or the training reader) and the ICAO read. */
export const cardFeature: Feature = {
  name: 'card',
  prefixes: ['card'],
  create: (k) => {
    const cards = new CardService({ dataDir: k.config.dataDir, bus: k.bus, log: k.log, readers: k.devices.trainingCardReader });
    return { handlers: cardHandlers(cards), close: () => cards.close() };
  },
};
