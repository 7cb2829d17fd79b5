import { EventEmitter } from 'node:events';
import { CardErrors } from '../../../contract/card.ts';
import type { PcscReadersEvents, ReaderInfo } from '../transport/pcsc-readers.ts';
import type { VirtualChip } from './virtual-chip.ts';

export const TRAINING_READER = 'Đầu đọc thẻ chip giả lập (đào tạo)';

/**
 * Training mode's chip card reader: one in-process reader (no pcscd) on which `place` puts a
 * virtual chip. It has the shape of the PC/SC reader set, so the card service reads it unchanged.
 */
export class TrainingCardReader extends EventEmitter<PcscReadersEvents> {
  readonly available = true;
  private chip?: VirtualChip;

  start(): void {}

  stop(): void {
    this.chip = undefined;
  }

  list(): ReaderInfo[] {
    return [{ id: TRAINING_READER, name: TRAINING_READER, cardPresent: this.chip !== undefined }];
  }

  /** A card tapped on the reader. */
  place(chip: VirtualChip): void {
    this.chip = chip;
    this.emit('change', this.list());
    this.emit('tapped', TRAINING_READER);
  }

  /** The card lifted off. */
  lift(): void {
    if (!this.chip) return;
    this.chip = undefined;
    this.emit('change', this.list());
  }

  async waitForCard(readerId: string | undefined, timeoutMs: number): Promise<string> {
    if (readerId && readerId !== TRAINING_READER) throw CardErrors.raise('NO_READER');
    if (this.chip) return TRAINING_READER;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('change', onChange);
        reject(CardErrors.raise('NO_CARD'));
      }, timeoutMs);
      const onChange = () => {
        if (!this.chip) return;
        clearTimeout(timer);
        this.off('change', onChange);
        resolve(TRAINING_READER);
      };
      this.on('change', onChange);
    });
  }

  async connect(readerId: string): Promise<{ maxResponse: number; transmit(c: Uint8Array): Promise<Uint8Array>; close(): Promise<void> }> {
    const chip = this.chip;
    if (readerId !== TRAINING_READER) throw CardErrors.raise('NO_READER');
    if (!chip) throw CardErrors.raise('NO_CARD');
    chip.reset();
    return { maxResponse: chip.maxResponse, transmit: (c) => chip.transmit(c), close: async () => {} };
  }
}
