import { execProgram } from '../../platform/exec.ts';
import type { Device } from '../../contract/devices.ts';
import type { DeviceProbe } from '../probe.ts';

/** `lpstat -p` prints: printer PDF is idle.  enabled since … / printer X disabled since … */
export function parseLpstatPrinters(stdout: string): Device[] {
  const devices: Device[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^printer (\S+) (.*)$/.exec(line.trim());
    if (!m) continue;
    const [, queue, state] = m as unknown as [string, string, string];
    const status = /disabled/.test(state) ? 'offline' : /printing/.test(state) ? 'busy' : 'ready';
    devices.push({ id: `cups:${queue}`, kind: 'printer', driver: 'cups', name: queue, address: queue, status, simulated: false, detail: state });
  }
  return devices;
}

export const cupsProbe: DeviceProbe = {
  kind: 'printer',
  driver: 'cups',
  async probe() {
    if (process.platform === 'win32') return [];
    const r = await execProgram('lpstat', ['-p'], { timeoutMs: 5_000 });
    return r.missing ? [] : parseLpstatPrinters(r.stdout);
  },
};
