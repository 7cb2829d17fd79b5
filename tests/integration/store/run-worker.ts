import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface Ack {
  id: string;
  hash: string;
  code: string;
}

export interface Worker {
  child: ChildProcess;
  acks: Ack[];
  ready: Promise<void>;
  exited: Promise<number | null>;
}

const running = new Set<Worker>();

/**
 * Stops every worker still running (SIGTERM, then SIGKILL after `graceMs`): called in `afterEach`,
 * so a failed or timed-out test never leaves a counter process looping behind it.
 */
export async function stopAllWorkers(graceMs = 3000): Promise<void> {
  await Promise.all(
    [...running].map(async (w) => {
      if (w.child.exitCode === null && w.child.signalCode === null) {
        w.child.kill('SIGTERM');
        const killer = setTimeout(() => w.child.kill('SIGKILL'), graceMs);
        await w.exited;
        clearTimeout(killer);
      }
      running.delete(w);
    }),
  );
}

/** Starts accept-worker.ts in its own Node process (through tsx) and collects its acknowledgements. */
export function startWorker(dataDir: string, counterId: string, count: number | 'forever', mode: 'provisional' | 'delegated' = 'provisional'): Worker {
  const script = join(import.meta.dirname, 'accept-worker.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, counterId, count === 'forever' ? 'Infinity' : String(count), mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let buffer = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line === 'READY') onReady();
      const m = /^ACK (\S+) (\S+) (\S+)$/.exec(line);
      if (m) acks.push({ id: m[1]!, hash: m[2]!, code: m[3]! });
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL' && stderr) console.error(stderr);
      onReady();
      resolve(code);
    }),
  );
  const worker = { child, acks, ready, exited };
  running.add(worker);
  void exited.then(() => running.delete(worker));
  return worker;
}
