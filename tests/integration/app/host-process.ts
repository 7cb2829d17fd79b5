import type { ChildProcess } from 'node:child_process';
import { spawnChild } from '../../support/children.ts';
import { join } from 'node:path';

export interface HostProcess {
  child: ChildProcess;
  port: number;
  token: string;
  /** Output of the child so far, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts host-child.ts under tsx and waits for its READY line (bounded). */
export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const managed = spawnChild(tsx, [join(import.meta.dirname, 'host-child.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const child = managed.process;
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const stop = async () => {
    await managed.stop({ graceMs: 5000 });
  };
  try {
    const [port, token] = await new Promise<[number, string]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 30_000);
      child.stdout!.on('data', () => {
        const m = /READY (\d+) (\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve([Number(m[1]), m[2]!]);
        }
      });
      child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
    });
    return { child, port, token, output: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
