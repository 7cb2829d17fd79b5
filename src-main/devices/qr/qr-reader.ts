import type { Identity } from '../../contract/identity.ts';
import type { ReadDriver, ReaderState } from '../../contract/idread.ts';

/** What a reader reports. Text readers give decoded text; vendor chip readers give data already parsed. */
export type ReaderEvent =
  | { type: 'text'; text: string; /** performance.now() when the last byte arrived */ receivedAt: number }
  | { type: 'identity'; identity: Identity; receivedAt: number }
  | { type: 'broken'; bytes: number; reason: 'timeout' | 'overflow' }
  | { type: 'failed'; code: string }
  | { type: 'status'; state: ReaderState };

/** One small interface for every QR / vendor reader driver (open, events, close, status). */
export interface IdReader {
  readonly id: string;
  readonly driver: ReadDriver;
  readonly address: string;
  readonly simulated: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  state(): ReaderState;
  on(listener: (e: ReaderEvent) => void): () => void;
}

/** Shared bookkeeping: listeners and the status a driver last reported. */
export abstract class ReaderBase implements IdReader {
  private readonly listeners = new Set<(e: ReaderEvent) => void>();
  private current: ReaderState;

  protected constructor(
    readonly id: string,
    readonly driver: ReadDriver,
    readonly address: string,
    readonly simulated = false,
  ) {
    this.current = { id, driver, address, status: 'offline', simulated };
  }

  abstract open(): Promise<void>;
  abstract close(): Promise<void>;

  state(): ReaderState {
    return { ...this.current };
  }

  on(listener: (e: ReaderEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(e: ReaderEvent): void {
    for (const l of this.listeners) l(e);
  }

  protected setStatus(status: ReaderState['status'], lastError?: string): void {
    if (this.current.status === status && this.current.lastError === lastError) return;
    this.current = { ...this.current, status, lastError };
    if (lastError === undefined) delete this.current.lastError;
    this.emit({ type: 'status', state: this.state() });
  }
}
