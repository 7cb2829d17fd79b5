import { z } from 'zod';
import { method } from './method.ts';
import { defineErrors } from './errors.ts';
import { CardReadResult } from './card.ts';

/** Training mode (Chế độ đào tạo): the simulated province server, card reader and printers. */
export const TrainingErrors = defineErrors({
  TRAINING_ONLY: {
    vi: 'Chức năng này chỉ dùng trong chế độ đào tạo.',
    en: 'This is available in training mode only.',
  },
  TRAINING_SERVER_FAILED: {
    vi: 'Không khởi động được máy chủ một cửa giả lập. Hãy khởi động lại ứng dụng.',
    en: 'The simulated one-stop server could not start. Restart the app.',
  },
});

/** The sample citizens whose (simulated) chip ID cards an officer can "tap". */
export const TrainingCardSample = z.enum(['an', 'binh']);
export type TrainingCardSample = z.infer<typeof TrainingCardSample>;

export const TrainingStatus = z.object({
  /** Whether the simulated province server is reachable ("network up"). */
  online: z.boolean(),
  /** The contract URL the counter's server settings point at. */
  serverUrl: z.string(),
  /** Where system printing writes its PDFs instead of a printer. */
  printsDir: z.string(),
  /** host:port of the simulated ESC/POS ticket printer. */
  ticketPrinter: z.string(),
});
export type TrainingStatus = z.infer<typeof TrainingStatus>;

export const trainingMethods = {
  'training.status': method({ summary: 'State of the training simulators (server, printers)', input: z.object({}), output: TrainingStatus }),
  'training.network': method({
    summary: 'Take the simulated province server offline or bring it back (practise the offline path)',
    input: z.object({ online: z.boolean() }),
    output: TrainingStatus,
  }),
  'training.tapCard': method({
    summary: 'Put a sample chip ID card on the simulated reader and read it (card.read event)',
    input: z.object({ sample: TrainingCardSample.default('an') }),
    output: CardReadResult,
  }),
};
