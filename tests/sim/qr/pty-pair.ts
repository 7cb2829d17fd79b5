import { existsSync } from 'node:fs';
import { spawnChild, type ManagedChild } from '../../support/children.ts';

/**
 * A socat PTY pair: the app opens `hostPath` as if it were the reader's COM port; the simulated
 * reader writes into `readerPath`. Killing socat is the closest thing to unplugging the reader.
 */
export class PtyPair {
  private proc: ManagedChild | undefined;

  constructor(readonly hostPath: string, readonly readerPath: string) {}

  async start(): Promise<void> {
    this.proc = spawnChild('socat', [`pty,raw,echo=0,link=${this.readerPath}`, `pty,raw,echo=0,link=${this.hostPath}`], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.hostPath) && existsSync(this.readerPath))) {
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error('socat did not create the PTY pair');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Unplug: socat exits, both PTYs and their links disappear. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p) return;
    await p.stop({ graceMs: 2000 });
    const deadline = Date.now() + 2000;
    while (existsSync(this.hostPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}
