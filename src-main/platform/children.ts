import { spawn, spawnSync, type ChildProcess, type SpawnOptions, type SpawnSyncOptions } from 'node:child_process';

/**
 * Child processes that cannot outlive their owner.
 *
 * Every child started through `spawnChild` is remembered until it exits, can be stopped with a bound
 * (`stop()`: SIGTERM, then SIGKILL after `graceMs`, and waits for the exit), and is SIGKILLed when this
 * process exits. On POSIX each child leads its own process group, so stopping it also stops what it
 * spawned (tsx runs a script in a grandchild node process; a shell runs its commands in grandchildren).
 * Long-lived children never get `stdio: 'inherit'`: a grandchild holding the parent's stdout keeps
 * whatever reads that pipe (vitest, CI's log) waiting long after the parent is gone.
 */

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** The command line, for messages about a child that was left running. */
  readonly command: string;
  /** Resolves once the child has exited (never rejects). */
  readonly exited: Promise<ChildExit>;
  /** The last 64 KiB the child wrote to stderr (when stderr is piped and not claimed by the caller). */
  stderrTail(): string;
  /** SIGTERM (or `signal`), then SIGKILL after `graceMs`; resolves when the child has exited. */
  stop(opts?: { graceMs?: number; signal?: NodeJS.Signals }): Promise<ChildExit>;
  /** Signals the child (and its group) at once without waiting, e.g. SIGKILL in a crash test. */
  kill(signal?: NodeJS.Signals): void;
}

export interface ChildOptions extends Omit<SpawnOptions, 'stdio' | 'detached'> {
  /** Defaults to stdin ignored, stdout and stderr piped. 'inherit' is refused (see above). */
  stdio?: Array<'ignore' | 'pipe'> | 'ignore' | 'pipe';
  /** Copies the child's stderr to this process's stderr through a pipe (what 'inherit' was used for). */
  echoStderr?: boolean;
  /** Own process group (POSIX only), so stop/kill reach grandchildren too. Default true. */
  group?: boolean;
  /** Grace between SIGTERM and SIGKILL for `stop()` and the default of the registry's `stopAll`. */
  graceMs?: number;
}

const TAIL = 64 * 1024;
const live = new Set<ManagedChild>();
const listeners = new Set<(c: ManagedChild, event: 'spawn' | 'exit') => void>();
let exitHookInstalled = false;

/** Children started through `spawnChild` that have not exited yet. */
export function liveChildren(): ManagedChild[] {
  return [...live];
}

/** Called when a managed child starts or ends (the test registry records pids for the run's teardown). */
export function onChildEvent(fn: (c: ManagedChild, event: 'spawn' | 'exit') => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function signalTree(proc: ChildProcess, group: boolean, signal: NodeJS.Signals): void {
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  try {
    if (group) process.kill(-proc.pid, signal);
    else proc.kill(signal);
  } catch {
    // Already gone (ESRCH) between the check and the signal.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: a signal is all there is time for.
  process.on('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

/** Starts a managed child (see the module comment). Throws when the program cannot be started at all. */
export function spawnChild(file: string, args: readonly string[], opts: ChildOptions = {}): ManagedChild {
  const { echoStderr, group: wantGroup, graceMs: defaultGrace = 3000, stdio: wanted, ...rest } = opts;
  const stdio = wanted ?? ['ignore', 'pipe', 'pipe'];
  if ((stdio as unknown) === 'inherit' || (Array.isArray(stdio) && (stdio as unknown[]).includes('inherit'))) {
    throw new Error(`spawnChild(${file}): stdio 'inherit' would let the child hold this process's output open`);
  }
  const group = (wantGroup ?? true) && process.platform !== 'win32';
  const proc = spawn(file, args, { ...rest, stdio, detached: group });
  if (proc.pid === undefined) {
    // spawn reports ENOENT/EACCES later as an 'error' event; the caller hears it now instead.
    proc.once('error', () => undefined);
    throw new Error(`cannot start ${file} (not installed or not executable)`);
  }
  let tail = '';
  if (proc.stderr) {
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (d: string) => {
      tail = (tail + d).slice(-TAIL);
      if (echoStderr) process.stderr.write(d);
    });
  }
  const exited = new Promise<ChildExit>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
    proc.once('error', () => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve({ code: proc.exitCode, signal: proc.signalCode });
    });
  });
  const child: ManagedChild = {
    process: proc,
    pid: proc.pid,
    command: [file, ...args].join(' '),
    exited,
    stderrTail: () => tail,
    kill: (signal = 'SIGTERM') => signalTree(proc, group, signal),
    async stop({ graceMs = defaultGrace, signal = 'SIGTERM' } = {}) {
      signalTree(proc, group, signal);
      let timer: NodeJS.Timeout | undefined;
      const escalated = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          signalTree(proc, group, 'SIGKILL');
          resolve();
        }, graceMs);
      });
      const first = await Promise.race([exited, escalated.then(() => undefined)]);
      clearTimeout(timer);
      // After SIGKILL the exit comes at once; the group may still hold grandchildren that ignored
      // SIGTERM, and they get SIGKILL too.
      const result = first ?? (await exited);
      if (group) {
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          // The whole group is gone: the usual case.
        }
      }
      return result;
    },
  };
  live.add(child);
  installExitHook();
  for (const fn of listeners) fn(child, 'spawn');
  void exited.then(() => {
    live.delete(child);
    for (const fn of listeners) fn(child, 'exit');
  });
  return child;
}

export interface RunSyncOptions extends Omit<SpawnSyncOptions, 'timeout' | 'encoding'> {
  /** Mandatory: a hung program must not block the event loop (and vitest's own timeouts) forever. */
  timeout: number;
  /** Return stdout as a Buffer instead of UTF-8 text. */
  binary?: boolean;
  /** Do not throw on a non-zero exit (the status is in the result). */
  allowFailure?: boolean;
}

export interface RunSyncResult<T extends string | Buffer> {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: T;
  stderr: string;
}

/**
 * `spawnSync` with a required timeout (SIGKILL when it passes). Throws, with the program's stderr,
 * when it cannot start, times out, or (unless `allowFailure`) exits non-zero.
 */
export function runSync(file: string, args: readonly string[], opts: RunSyncOptions & { binary: true }): RunSyncResult<Buffer>;
export function runSync(file: string, args: readonly string[], opts: RunSyncOptions): RunSyncResult<string>;
export function runSync(file: string, args: readonly string[], opts: RunSyncOptions): RunSyncResult<string | Buffer> {
  const { binary, allowFailure, ...rest } = opts;
  const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, ...rest });
  const stderr = r.stderr ? r.stderr.toString() : '';
  const command = [file, ...args].join(' ');
  if (r.error) {
    const timedOut = (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    throw new Error(timedOut ? `${command}: no answer after ${opts.timeout} ms (killed)\n${stderr}` : `${command}: ${r.error.message}\n${stderr}`);
  }
  if (!allowFailure && r.status !== 0) throw new Error(`${command}: exit ${r.status ?? r.signal}\n${stderr}`);
  const stdout = r.stdout ?? Buffer.alloc(0);
  return { status: r.status, signal: r.signal, stdout: binary ? Buffer.from(stdout) : stdout.toString(), stderr };
}
