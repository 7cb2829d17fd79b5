import type { IncomingMessage } from 'node:http';

/** One request's hold on a file being uploaded. */
export interface FileLock {
  /** Set once the lock was taken away (it expired and a newer request took the file): stop writing. */
  readonly lost: boolean;
  /** The request sent bytes: the lock stays fresh for another TTL. */
  touch(): void;
  release(): void;
}

/**
 * Per-file upload locks (FILE_BUSY) that cannot outlive their request: a lock is released when its
 * request closes, a request whose client is already gone never takes one, and a lock whose request
 * sent nothing for `ttlMs` is taken over by the next request (the stale request is cut off first, so
 * two requests never write the same part file).
 */
export class FileLocks {
  private readonly held = new Map<string, { expires: number; cut: () => void }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** `gone` when the client left before the handler ran; `busy` while a live, fresh request holds the file. */
  take(key: string, req: IncomingMessage): FileLock | 'gone' | 'busy' {
    if (req.destroyed || req.socket.destroyed) return 'gone';
    const other = this.held.get(key);
    if (other && other.expires > this.now()) return 'busy';
    other?.cut();
    let lost = false;
    const entry = {
      expires: this.now() + this.ttlMs,
      cut: () => {
        lost = true;
        this.held.delete(key);
        req.socket.destroy();
      },
    };
    this.held.set(key, entry);
    const release = () => {
      if (this.held.get(key) === entry) this.held.delete(key);
    };
    req.once('close', release);
    return {
      get lost() {
        return lost;
      },
      touch: () => {
        entry.expires = this.now() + this.ttlMs;
      },
      release,
    };
  }

  get size(): number {
    return this.held.size;
  }
}
