import { existsSync, readFileSync } from 'node:fs';
import { spawnChild } from '../../support/children.ts';

const PID_FILE = '/run/pcscd/pcscd.pid';
const VPCD_CONF = '/etc/reader.conf.d/vpcd';

/** The pid of the pcscd that runs now (ours or the system's), if any. */
export function runningPcscd(): number | undefined {
  if (!existsSync(PID_FILE)) return undefined;
  const pid = Number.parseInt(readFileSync(PID_FILE, 'utf8'), 10); // the file ends in "\n\0"
  if (!Number.isInteger(pid)) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export interface PcscdHandle {
  /** True when this process started pcscd (and so stops it). */
  started: boolean;
  stop(): Promise<void>;
}

/** Why the PC/SC path cannot run here, or undefined when it can (pcscd and the vpcd driver installed). */
export function pcscdUnavailable(): string | undefined {
  if (!existsSync('/usr/sbin/pcscd')) return 'pcscd is not installed (apt pcscd)';
  if (!existsSync(VPCD_CONF)) return 'the vpcd driver is not installed (apt vsmartcard-vpcd)';
  return undefined;
}

/**
 * Starts pcscd in the foreground as a child (idempotent: reuses one that already runs, and then
 * leaves it running). The Debian vsmartcard-vpcd package's reader.conf.d entry makes it load vpcd,
 * which listens on TCP 35963 for a virtual card.
 */
export async function ensurePcscd(): Promise<PcscdHandle> {
  const why = pcscdUnavailable();
  if (why) throw new Error(why);
  if (runningPcscd()) return { started: false, stop: async () => undefined };
  const child = spawnChild('/usr/sbin/pcscd', ['--foreground', '--auto-exit'], { stdio: 'ignore' });
  const until = Date.now() + 5000;
  while (!runningPcscd() && Date.now() < until) {
    if (child.process.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!runningPcscd()) {
    await child.stop();
    throw new Error('pcscd did not start');
  }
  return {
    started: true,
    stop: async () => {
      await child.stop({ graceMs: 3000 });
    },
  };
}
