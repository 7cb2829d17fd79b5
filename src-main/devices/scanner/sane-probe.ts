import { execProgram } from '../../platform/exec.ts';
import type { Device } from '../../contract/devices.ts';
import type { DeviceProbe } from '../probe.ts';

/** `scanimage -L` prints: device `test:0' is a Noname frontend-tester virtual device */
export function parseScanimageList(stdout: string): Device[] {
  const devices: Device[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^device [`'](.+?)' is a (.+)$/.exec(line.trim());
    if (!m) continue;
    const [, name, description] = m as unknown as [string, string, string];
    devices.push({ id: `sane:${name}`, kind: 'scanner', driver: 'sane', name: description, address: name, status: 'ready', simulated: name.startsWith('test'), detail: undefined });
  }
  return devices;
}

export const saneProbe: DeviceProbe = {
  kind: 'scanner',
  driver: 'sane',
  async probe() {
    if (process.platform === 'win32') return [];
    const r = await execProgram('scanimage', ['-L'], { timeoutMs: 15_000 });
    return r.missing ? [] : parseScanimageList(r.stdout);
  },
};
