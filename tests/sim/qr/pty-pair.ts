import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A socat PTY pair: the app opens `hostPath` as if it were the reader's COM port; the simulated
 * reader writes into `readerPath`. Killing socat is the closest thing to unplugging the reader.
 */
export class PtyPair {
  private proc: ChildProcess | undefined;

  constructor(readonly hostPath: string, readonly readerPath: string) {}

  async start(): Promise<void> {
    this.proc = spawn('socat', [`pty,raw,echo=0,link=${this.readerPath}`, `pty,raw,echo=0,link=${this.hostPath}`], { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(existsSync(this.hostPath) && existsSync(this.readerPath))) {
      if (Date.now() > deadline) throw new Error('socat did not create the PTY pair');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Unplug: socat exits, both PTYs and their links disappear. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
    const deadline = Date.now() + 2000;
    while (existsSync(this.hostPath) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}
