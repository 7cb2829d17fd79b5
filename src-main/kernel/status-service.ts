import type { CoreStatus } from '../contract/status.ts';
import type { Device } from '../contract/devices.ts';
import type { Settings } from '../contract/settings.ts';
import type { EventBus } from '../rpc/event-bus.ts';
import { clockState } from '../domain/clock-check.ts';

/** Folds device and server state into the one summary the status bar shows, and announces changes. */
export class StatusService {
  private devices: Device[] = [];
  private server: CoreStatus['server'];
  private serverDate: { date: string; receivedAtMs: number } | undefined;
  private disk: CoreStatus['disk'];

  constructor(private readonly bus: EventBus, settings: Settings, private readonly trainingMode: boolean) {
    this.server = settings.server.url ? 'offline' : 'unconfigured';
  }

  get(): CoreStatus {
    return {
      devices: { ready: this.devices.filter((d) => d.status === 'ready').length, total: this.devices.length },
      server: this.server,
      trainingMode: this.trainingMode,
      ...(this.disk ? { disk: this.disk } : {}),
      at: new Date().toISOString(),
      clock: clockState(new Date(), this.serverDate),
    };
  }

  devicesChanged(devices: Device[]): void {
    this.devices = devices;
    this.bus.emit('devices.changed', devices);
    this.bus.emit('status.changed', this.get());
  }

  /** The province server's `Date` header, as received now; announces a change of the clock verdict. */
  serverClock(date: string | null, receivedAtMs = Date.now()): void {
    if (!date) return;
    const before = clockState(new Date(), this.serverDate).ok;
    this.serverDate = { date, receivedAtMs };
    if (clockState(new Date(), this.serverDate).ok !== before) this.bus.emit('status.changed', this.get());
  }

  diskChanged(disk: NonNullable<CoreStatus['disk']>): void {
    this.disk = { level: disk.level, freeBytes: disk.freeBytes };
    this.bus.emit('status.changed', this.get());
  }

  serverChanged(state: CoreStatus['server']): void {
    if (state === this.server) return;
    this.server = state;
    this.bus.emit('status.changed', this.get());
  }
}
