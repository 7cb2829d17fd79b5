import type { Device, DeviceKind } from '../contract/devices.ts';
import type { DeviceProbe } from './probe.ts';

/** Runs every probe, tolerates the failing ones, and caches the last answer until asked to refresh. */
export class DeviceRegistry {
  private cache: Device[] | undefined;
  private inFlight: Promise<Device[]> | undefined;

  private readonly probes: DeviceProbe[];

  constructor(probes: DeviceProbe[], private readonly onChange: (devices: Device[]) => void = () => {}) {
    this.probes = [...probes];
  }

  /** More probes (each feature adds its own); the next list runs them all. */
  add(probes: readonly DeviceProbe[]): void {
    this.probes.push(...probes);
    this.cache = undefined;
  }

  async list(kind?: DeviceKind, refresh = false): Promise<Device[]> {
    if (refresh || !this.cache) this.cache = await this.discover();
    return kind ? this.cache.filter((d) => d.kind === kind) : [...this.cache];
  }

  private discover(): Promise<Device[]> {
    this.inFlight ??= (async () => {
      const settled = await Promise.allSettled(this.probes.map((p) => p.probe()));
      const found = settled.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      this.onChange(found);
      return found;
    })().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }
}
