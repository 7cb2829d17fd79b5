import { TrainingErrors } from '../../contract/training.ts';
import type { HandlersOf } from '../../rpc/handlers.ts';
import type { TrainingSimulators } from './training-simulators.ts';
import type { Caller } from '../../rpc/caller.ts';

export interface TrainingDeps {
  /** Undefined outside training mode: every method then answers TRAINING_ONLY. */
  simulators: TrainingSimulators | undefined;
  /** card.read and queue.retry of the card and queue features. */
  call: Caller;
}

export function trainingHandlers(d: TrainingDeps): HandlersOf<'training.status' | 'training.network' | 'training.tapCard'> {
  const sim = () => {
    if (!d.simulators) throw TrainingErrors.raise('TRAINING_ONLY');
    return d.simulators;
  };
  return {
    'training.status': () => sim().status(),
    'training.network': async ({ online }) => {
      const status = await sim().setOnline(online);
      // Probe at once, as a counter notices a dropped or restored link on its next request.
      await d.call('queue.retry', {});
      return status;
    },
    'training.tapCard': async ({ sample }) => {
      const s = sim();
      s.cardReader.place(await s.cards.chip(sample));
      try {
        return await d.call('card.read', { can: s.cards.idNumber(sample), timeoutMs: 5_000 });
      } finally {
        s.cardReader.lift();
      }
    },
  };
}
