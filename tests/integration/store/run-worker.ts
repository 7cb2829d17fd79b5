import { join } from 'node:path';
import { spawnChild, type ManagedChild } from '../../support/children.ts';

export interface Ack {
  id: string;
  hash: string;
  code: string;
}

export interface Worker {
  /** Stopped after the test file at the latest (tests/support/children-setup.ts). */
  child: ManagedChild;
  acks: Ack[];
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** The exit code with the stderr of a failed run, so an assertion on it names the cause. */
  report: Promise<{ code: number | null; stderr: string }>;
}

const running = new Set<Worker>();

/**
 * Stops every worker still running (SIGTERM, then SIGKILL after `graceMs`): called in `afterEach`,
 * so a failed or timed-out test never leaves a counter process looping behind it.
 */
export async function stopAllWorkers(graceMs = 3000): Promise<void> {
  await Promise.all(
    [...running].map(async (w) => {
      await w.child.stop({ graceMs });
      running.delete(w);
    }),
  );
}

/** Starts accept-worker.ts in its own Node process (through tsx) and collects its acknowledgements. */
export function startWorker(dataDir: string, counterId: string, count: number | 'forever', mode: 'provisional' | 'delegated' = 'provisional'): Worker {
  const script = join(import.meta.dirname, 'accept-worker.ts');
  const child = spawnChild(process.execPath, ['--import', 'tsx', script, dataDir, counterId, count === 'forever' ? 'Infinity' : String(count), mode]);
  const acks: Ack[] = [];
  let buffer = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((r) => (onReady = r));
  child.process.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
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
  const exited = child.exited.then(({ code, signal }) => {
    if (code !== 0 && signal !== 'SIGKILL' && child.stderrTail()) console.error(child.stderrTail());
    onReady();
    return code;
  });
  const report = exited.then((code) => ({ code, stderr: code === 0 ? '' : child.stderrTail() }));
  const worker = { child, acks, ready, exited, report };
  running.add(worker);
  void exited.then(() => running.delete(worker));
  return worker;
}
