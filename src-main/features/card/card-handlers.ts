import type { HandlersOf } from '../../rpc/handlers.ts';
import type { CardService } from './card-service.ts';

export function cardHandlers(cards: CardService): HandlersOf<'card.read' | 'card.readers'> {
  return {
    'card.read': (input) => cards.read(input),
    'card.readers': () => cards.listReaders(),
  };
}
