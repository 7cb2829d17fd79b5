import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnChild } from '../../support/children.ts';

const CHILD = fileURLToPath(new URL('./uploader-child.ts', import.meta.url));

/** The uploader child of the sync tests: never inherits stdio, and can always be stopped with a bound. */
export interface UploaderProcess {
  readonly process: ChildProcess;
  /** Resolves once the child's engine runs, or when it exited first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  /** Lines the child printed on stdout (its own reports). */
  readonly lines: string[];
  stderrTail(): string;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the child is gone. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<UploaderProcess>();

/** Starts uploader-child.ts (or another worker script of these tests) on a data folder and server. */
export function startUploader(dataDir: string, apiUrl: string, args: string[] = [], script = CHILD): UploaderProcess {
  const managed = spawnChild(process.execPath, ['--import', 'tsx', script, dataDir, apiUrl, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const proc = managed.process;
  const lines: string[] = [];
  const exited = managed.exited.then((e) => e.code);
  const ready = new Promise<void>((resolve) => {
    let partial = '';
    proc.stdout!.setEncoding('utf8');
    proc.stdout!.on('data', (d: string) => {
      partial += d;
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (line === 'ready') resolve();
      }
    });
    void exited.then(() => resolve());
  });
  const child: UploaderProcess = {
    process: proc,
    ready,
    exited,
    lines,
    stderrTail: () => managed.stderrTail(),
    kill: (signal) => {
      if (proc.exitCode === null && proc.signalCode === null) managed.kill(signal);
    },
    async stop(graceMs = 3000) {
      await managed.stop({ graceMs });
    },
  };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

/** For afterAll: every uploader child still running is stopped (SIGTERM, then SIGKILL). */
export async function stopAllUploaders(graceMs = 3000): Promise<number> {
  const left = [...live];
  await Promise.all(left.map((c) => c.stop(graceMs)));
  return left.length;
}

/** afterAll of a SIGKILL test: its uploader children stopped, then its server closed and its temp folders removed. */
export async function cleanUpKillRun(dirs: string[], server: { close(): Promise<void> } | undefined): Promise<void> {
  await stopAllUploaders();
  await server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
